import { computed, signal } from '@preact/signals';
import type { PatientContext } from '../../domain/adapters/patient-context';
import { ukDate } from '../../domain/clock/uk-date';
import { canSend, checkReferral, sentVerdict, type Verdict } from '../../domain/criteria';
import type { SavedDraft } from '../../domain/drafts/saved-draft';
import type { ServiceModel } from '../../domain/model/model';
import { checkPatientOnScreen } from '../../domain/pad/patient-guard';
import { referralFromDraft } from '../../domain/pad/referral-from-draft';
import { sendBlock } from '../../domain/pad/send-block';
import { type Change, type Effect, isGuarded, type SessionEvent, startSession, step } from '../../domain/pad/session';
import { emptyDraft } from '../../domain/referral/draft';
import type { Settings } from '../../domain/settings/settings';
import { loadDraft, removeDraft, saveDraft } from '../shared/storage/drafts';
import { loadReferrer, rememberReferrer } from '../shared/storage/referrer';
import { askOutboxAvailable } from './outbox-link';
import { createRouting } from './pad-routing';
import { newReferralId } from './referral-id';
import { sendReferral } from './send-referral';

export type { Sent } from '../../domain/pad/session';

/** Today as YYYY-MM-DD on the UK calendar (ages and review dates are UK days). */
function today(): string {
  return ukDate(Date.now());
}

/** Runs one effect of the session and gives back the event it ends in, if any. */
async function perform(effect: Effect, checkOutbox: () => Promise<void>): Promise<SessionEvent | undefined> {
  switch (effect.do) {
    case 'read': {
      const [loaded, referrer] = await Promise.all([loadDraft(effect.key), loadReferrer()]);
      const fresh = { referralId: newReferralId(), startedAt: new Date().toISOString() };
      return { type: 'draft-read', key: effect.key, read: effect.read, loaded, referrer, fresh };
    }
    case 'store':
      try {
        await ('put' in effect.op ? saveDraft(effect.op.put) : removeDraft(effect.op.remove));
        return { type: 'stored', ok: true };
      } catch (error) {
        console.warn('The draft could not be saved.', error);
        return { type: 'stored', ok: false };
      }
    case 'send':
      try {
        await sendReferral(effect.referral);
        return { type: 'outbox-answered', ok: true };
      } catch (error) {
        return { type: 'outbox-answered', ok: false, message: (error as Error).message };
      }
    case 'remember-referrer':
      await rememberReferrer(effect.referrer).catch((error) => console.warn('The referrer was not remembered.', error));
      return undefined;
    case 'check-outbox':
      await checkOutbox();
      return undefined;
  }
}

/** What pressing Send asks of the session: the referral the draft makes, or why it cannot go yet. */
function sendEvent(
  current: SavedDraft | undefined,
  model: ServiceModel | undefined,
  verdict: Verdict | undefined,
  reason: string | undefined,
  serviceId: string | undefined,
): SessionEvent | undefined {
  if (!current || !model || !verdict) return undefined;
  if (reason || !canSend(verdict)) {
    const message = reason ?? 'This referral cannot be sent yet.';
    return { type: 'send', made: { ok: false, problems: [{ field: 'send', message }] } };
  }
  const made = referralFromDraft(
    current.draft,
    sentVerdict(verdict, current.draft),
    current.referralId,
    new Date().toISOString(),
  );
  if (!made.ok) return { type: 'send', made };
  // The service chosen in the pad's directory goes with it (ServiceRequest.performer); none without a directory.
  const referral = serviceId ? { ...made.referral, serviceId } : made.referral;
  return { type: 'send', made: { ok: true, referral, model } };
}

/**
 * Everything the pad shows, as signals, and the few things the referrer can do. The session's rules are the pure state
 * machine in domain/pad/session.ts; this runs its effects (storage, the outbox) and hands their results back to it.
 */
export function createPadState() {
  const settings = signal<Settings | undefined>(undefined);
  const session = signal(startSession());
  /** Whether the background's outbox can store referrals (false in a private window); undefined until it answers. */
  const outboxAvailable = signal<boolean | undefined>(undefined);
  const running = new Set<Promise<void>>();

  function dispatch(event: SessionEvent): void {
    const next = step(session.value, event);
    session.value = next.session;
    for (const effect of next.effects) {
      const job = perform(effect, checkOutbox)
        .then((result) => result && dispatch(result))
        .catch((error) => console.warn('The pad could not read a draft.', error))
        .finally(() => running.delete(job));
      running.add(job);
    }
  }

  /** Resolves once every effect begun (and every one they began) has finished. */
  async function settled(): Promise<void> {
    while (running.size) await Promise.allSettled([...running]);
  }

  const record = computed(() => session.value.record);
  const open = computed(() => session.value.open);
  const draft = computed(() => open.value?.draft ?? emptyDraft());
  const routing = createRouting(settings, draft, today);
  const { chosen, model } = routing;
  const verdict = computed(() =>
    chosen.value ? chosen.value.verdict : model.value ? checkReferral(model.value, draft.value, today()) : undefined,
  );
  const patientCheck = computed(() =>
    open.value ? checkPatientOnScreen(open.value.recordKey, draft.value.patient, record.value ?? undefined) : undefined,
  );
  const blocked = computed(() =>
    sendBlock({
      model: model.value,
      verdict: verdict.value,
      patientCheck: patientCheck.value,
      outboxAvailable: outboxAvailable.value,
      queueSet: settings.value?.queue !== undefined,
    }),
  );

  function send(): Promise<void> {
    const serviceId = chosen.value?.entry.service.id;
    const event = sendEvent(open.value, model.value, verdict.value, blocked.value, serviceId);
    if (event) dispatch(event);
    return settled();
  }

  /** Asks the background whether its outbox can store referrals, so the pad can say so before anyone types. */
  async function checkOutbox(): Promise<void> {
    outboxAvailable.value = await askOutboxAvailable().catch(() => undefined);
  }

  /** Dispatches and resolves once what it set going has finished (tests and the components wait on it). */
  const act = (event: SessionEvent) => {
    dispatch(event);
    return settled();
  };

  return {
    settings,
    record,
    open,
    phase: computed(() => session.value.phase),
    problems: computed(() => session.value.problems),
    sent: computed(() => session.value.sent),
    notice: computed(() => session.value.notice),
    saveFailed: computed(() => session.value.saveFailed),
    draftStatus: computed(() => session.value.draftStatus),
    /** Another patient's record is on screen: the draft takes no edits and cannot be sent. */
    guarded: computed(() => isGuarded(session.value)),
    kept: computed(() => session.value.kept),
    outboxAvailable,
    draft,
    verdict,
    ...routing,
    patientCheck,
    blocked,
    update: (change: Change) => dispatch({ type: 'edit', change }),
    send,
    startAgain: () => {
      routing.forgetChoice();
      return act({ type: 'start-again' });
    },
    openOnScreen: () => act({ type: 'open-on-screen' }),
    keepDraft: () => act({ type: 'keep-draft' }),
    recordChanged: (record: PatientContext | null) => act({ type: 'record-changed', record }),
    checkOutbox,
    settled,
  };
}

export type PadState = ReturnType<typeof createPadState>;
