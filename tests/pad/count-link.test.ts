import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from '../../app/background/answers';
import { openOutbox } from '../../app/background/outbox/db';
import { reportCheckEndings } from '../../app/pad/count-link';
import { answering } from '../../app/shared/messaging/receive';
import { saveSettings } from '../../app/shared/storage/settings';
import { JOHN, padWithModel } from './fixtures';
import { renderRoot } from './render-root';

renderRoot(); // a fresh extension storage for each test
const RUNTIME = fakeBrowser.runtime.id;
const FROM_PAD = { id: RUNTIME, url: `chrome-extension://${RUNTIME}/pad.html#nonce`, tab: { id: 7 } };

function told(spy: { mock: { calls: unknown[][] } }) {
  return spy.mock.calls
    .map(([message]) => message as { type: string })
    .filter((message) => message.type === 'pad:check-ended');
}

describe('the pad tells the background how the check in front would end', () => {
  it('once per change, only while sharing is on, with counts only', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const state = padWithModel();
    state.settings.value = { ...state.settings.value, shareCounts: true } as typeof state.settings.value;
    const stop = reportCheckEndings(state);
    await state.recordChanged(JOHN);
    // Only what the record filled in: not a check yet.
    expect(told(spy)).toEqual([]);
    state.update((draft) => ({ ...draft, needs: ['loneliness'], referrer: { ...draft.referrer, odsCode: 'l81001' } }));
    state.update((draft) => ({ ...draft, whatMatters: 'my garden' }));
    expect(told(spy)).toEqual([
      {
        type: 'pad:check-ended',
        check: {
          referralId: state.open.value?.referralId,
          odsCode: 'L81001',
          serviceId: null,
          modelVersion: state.model.value?.version,
          ending: 'abandoned',
          route: null,
        },
      },
    ]);
    state.settings.value = { ...state.settings.value, shareCounts: false } as typeof state.settings.value;
    state.update((draft) => ({ ...draft, safety: { ...draft.safety, 'suicidal-thoughts': true } }));
    expect(told(spy)).toHaveLength(1);
    stop();
    spy.mockRestore();
  });

  it('is counted by the background only while the practice shares counts, and never as sent', async () => {
    const db = openOutbox(`count-link-${crypto.randomUUID()}`);
    const answer = answering(backgroundHandlers({ db, run: () => undefined }), () => ({ runtimeId: RUNTIME }));
    const check = {
      referralId: crypto.randomUUID(),
      odsCode: 'L81001',
      serviceId: null,
      modelVersion: 2,
      ending: 'abandoned',
      route: null,
    };
    // Sharing off: not counted (another check, so that it would show below).
    await answer({ type: 'pad:check-ended', check: { ...check, referralId: crypto.randomUUID() } }, FROM_PAD);
    await saveSettings({ shareCounts: true });
    // A pad cannot say a check was sent: the message is refused.
    await answer({ type: 'pad:check-ended', check: { ...check, ending: 'sent-in-model' } }, FROM_PAD);
    await answer({ type: 'pad:check-ended', check }, FROM_PAD);
    await expect.poll(() => db.checks.toArray()).toEqual([expect.objectContaining({ ...check, final: false })]);
  });
});
