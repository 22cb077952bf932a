import { computed, effect } from '@preact/signals';
import { checkEnding } from '../../domain/evaluation/check-ending';
import { tell } from '../shared/messaging/ask';
import type { PadState } from './pad-state';

type Watched = Pick<PadState, 'settings' | 'phase' | 'sent' | 'open' | 'verdict' | 'model' | 'chosen'>;

/**
 * Tells the background how the check in front would end whenever that changes, while the practice shares counts
 * (settings: shareCounts): redirected (and by which route) or abandoned (domain/evaluation/check-ending.ts). Only while
 * the referrer edits: a sent check is counted by the background with its outbox row, never from here (HEC5). Gives
 * the effect's disposer.
 */
export function reportCheckEndings(state: Watched): () => void {
  const ended = computed(() =>
    checkEnding({
      phase: state.phase.value,
      sent: state.sent.value?.referral,
      referralId: state.open.value?.referralId,
      draft: state.open.value?.draft,
      verdict: state.verdict.value,
      model: state.model.value,
      serviceId: state.chosen.value?.entry.service.id,
    }),
  );
  let told: string | undefined;
  return effect(() => {
    const check = ended.value;
    if (state.settings.value?.shareCounts !== true || state.phase.value !== 'editing' || !check) return;
    const { referralId, odsCode, serviceId, modelVersion, ending, route } = check;
    if (ending !== 'redirected' && ending !== 'abandoned') return;
    const payload = { referralId, odsCode, serviceId, modelVersion, ending, route };
    const key = JSON.stringify(payload);
    if (key === told) return;
    told = key;
    tell('pad:check-ended', { check: payload });
  });
}
