import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type AnswerDeps, backgroundHandlers } from '../../app/background/answers';
import { openOutbox, outbox } from '../../app/background/outbox/db';
import { answering } from '../../app/shared/messaging/receive';
import type { Sender } from '../../app/shared/messaging/sender';
import { REFERRAL } from './fixtures';

const RUNTIME = fakeBrowser.runtime.id;
const FROM_PAD = { id: RUNTIME, url: `chrome-extension://${RUNTIME}/pad.html#nonce`, tab: { id: 7 } };

/** The background's listener for `pad:enqueue`, as it registers it. */
function answerPadEnqueue(message: unknown, sender: Sender, deps: Partial<AnswerDeps> = {}) {
  return answering(backgroundHandlers({ run: () => undefined, ...deps }), () => ({ runtimeId: RUNTIME }))(
    message,
    sender,
  );
}

describe('the background enqueues for the pad', () => {
  beforeEach(async () => {
    await outbox().referrals.clear();
  });

  it('commits the pad’s referral to the outbox before answering, then drains', async () => {
    const run = vi.fn();
    const reply = await answerPadEnqueue({ type: 'pad:enqueue', referral: REFERRAL }, FROM_PAD, { run });
    expect(reply).toEqual({ ok: true });
    const row = await outbox().referrals.get(REFERRAL.id);
    expect(row?.status).toBe('queued');
    expect(row?.nhsNumber).toBe('9434765919');
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('refuses a referral from anything but our pad page, and one that does not parse, storing nothing', async () => {
    const fromPage = { url: 'http://127.0.0.1:5173/', tab: { id: 7 } };
    expect(await answerPadEnqueue({ type: 'pad:enqueue', referral: REFERRAL }, fromPage)).toEqual({
      ok: false,
      message: 'not from the pad',
    });
    const broken = { ...REFERRAL, patient: { ...REFERRAL.patient, nhsNumber: '123' } };
    const reply = await answerPadEnqueue({ type: 'pad:enqueue', referral: broken }, FROM_PAD);
    expect(reply).toEqual({ ok: false, message: 'the referral did not parse (patient.nhsNumber)' });
    expect(await outbox().referrals.count()).toBe(0);
  });

  it('leaves other messages to other listeners', () => {
    expect(answerPadEnqueue({ type: 'confirm-frame' }, FROM_PAD)).toBeUndefined();
  });

  it('answers not ok when IndexedDB cannot open (private browsing), so the pad keeps the referral and says so', async () => {
    // What Firefox private browsing does: open() fails with InvalidStateError.
    const refusing = {
      open(): IDBOpenDBRequest {
        throw new DOMException(
          'A mutation operation was attempted on a database that did not allow mutations.',
          'InvalidStateError',
        );
      },
    };
    const db = openOutbox('unopenable', { indexedDB: refusing });
    const run = vi.fn();
    const reply = await answerPadEnqueue({ type: 'pad:enqueue', referral: REFERRAL }, FROM_PAD, { db, run });
    expect(reply).toEqual({ ok: false, message: expect.stringMatching(/cannot store referrals here.*not saved/) });
    expect(await outbox().referrals.count()).toBe(0);
    expect(run).not.toHaveBeenCalled();
  });
});
