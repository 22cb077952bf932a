import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type AnswerDeps, backgroundHandlers } from '../../app/background/answers';
import { openOutbox } from '../../app/background/outbox/db';
import { enqueueReferral } from '../../app/background/outbox/enqueue';
import { onOutboxChanged } from '../../app/pad/outbox-link';
import { answering } from '../../app/shared/messaging/receive';
import type { Sender } from '../../app/shared/messaging/sender';
import { REFERRAL } from './fixtures';

/** The background's answers to the pad about its outbox (its listener, as registered), and who it answers. */
const RUNTIME = fakeBrowser.runtime.id;
const FROM_PAD = { id: RUNTIME, url: `chrome-extension://${RUNTIME}/pad.html#nonce`, tab: { id: 7 } };
const FROM_PAGE = { url: 'http://127.0.0.1:5173/', tab: { id: 7 } };
const FROM_OPTIONS = { id: RUNTIME, url: `chrome-extension://${RUNTIME}/options.html` };

const fresh = () => openOutbox(`outbox-link-${crypto.randomUUID()}`);

function answerPad(message: unknown, sender: Sender, deps: Partial<AnswerDeps> = {}) {
  return answering(backgroundHandlers({ run: () => undefined, ...deps }), () => ({ runtimeId: RUNTIME }))(
    message,
    sender,
  );
}

beforeEach(() => fakeBrowser.reset());

describe('the background answers the pad about its outbox', () => {
  it('lists the sent referrals, parsed, for the pad only', async () => {
    const db = fresh();
    await enqueueReferral(REFERRAL, { db });
    const ask = { type: 'pad:sent-referrals', query: { nhsNumber: '9434765919' } };
    expect(await answerPad(ask, FROM_PAD, { db })).toMatchObject({
      ok: true,
      rows: [{ id: REFERRAL.id, status: 'queued', needs: ['loneliness', 'bereavement'] }],
    });
    expect(await answerPad(ask, FROM_PAGE, { db })).toEqual({ ok: false, message: 'not from the pad' });
    expect(await answerPad(ask, FROM_OPTIONS, { db })).toEqual({ ok: false, message: 'not from the pad' });
    expect(await answerPad({ type: 'pad:sent-referrals', query: { since: 'today' } }, FROM_PAD, { db })).toEqual({
      ok: false,
      message: 'the message did not parse (query.since)',
    });
  });

  it('says whether the outbox can store referrals: not where IndexedDB cannot open', async () => {
    expect(await answerPad({ type: 'pad:outbox-state' }, FROM_PAD, { db: fresh() })).toEqual({
      available: true,
    });
    const refusing = {
      open(): IDBOpenDBRequest {
        throw new DOMException('The user denied permission to access the database.', 'UnknownError');
      },
    };
    const db = openOutbox('refused', { indexedDB: refusing });
    expect(await answerPad({ type: 'pad:outbox-state' }, FROM_PAD, { db })).toEqual({ available: false });
    expect(await answerPad({ type: 'pad:sent-referrals', query: {} }, FROM_PAD, { db })).toMatchObject({
      ok: false,
    });
  });

  it('sends again a referral that needs attention or still waits (tried at once), never one delivered; drains at once', async () => {
    const db = fresh();
    await enqueueReferral(REFERRAL, { db, now: 1_000 });
    const run = vi.fn();
    const again = { type: 'pad:send-again', id: REFERRAL.id };
    // Waiting out a backoff: tried at once, and still queued.
    await db.referrals.update(REFERRAL.id, { nextAttemptAt: Date.now() + 600_000 });
    expect(await answerPad(again, FROM_PAD, { db, run })).toEqual({ ok: true, resent: true });
    expect(await db.referrals.get(REFERRAL.id)).toMatchObject({ status: 'queued', createdAt: 1_000 });
    expect((await db.referrals.get(REFERRAL.id))?.nextAttemptAt).toBeLessThanOrEqual(Date.now());
    expect(run).toHaveBeenCalledTimes(1);
    await db.referrals.update(REFERRAL.id, { status: 'needs-attention', lastError: 'refused' });
    expect(await answerPad(again, FROM_PAGE, { db, run })).toEqual({
      ok: false,
      message: 'not from the pad',
    });
    expect((await db.referrals.get(REFERRAL.id))?.status).toBe('needs-attention');
    expect(await answerPad(again, FROM_PAD, { db, run })).toEqual({ ok: true, resent: true });
    expect((await db.referrals.get(REFERRAL.id))?.status).toBe('queued');
    expect(run).toHaveBeenCalledTimes(2);
    await db.referrals.update(REFERRAL.id, { status: 'delivered' });
    expect(await answerPad(again, FROM_PAD, { db, run })).toEqual({ ok: true, resent: false });
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('drains once a Send is committed', async () => {
    const db = fresh();
    const run = vi.fn();
    expect(await answerPad({ type: 'pad:enqueue', referral: REFERRAL }, FROM_PAD, { db, run })).toEqual({
      ok: true,
    });
    expect(run).toHaveBeenCalledTimes(1);
    expect((await db.referrals.get(REFERRAL.id))?.status).toBe('queued');
  });

  it('leaves other messages to other listeners', () => {
    expect(answerPad({ type: 'outbox:changed' }, FROM_PAD)).toBeUndefined();
    expect(answerPad({ type: 'which-patient' }, FROM_PAD)).toBeUndefined();
    expect(answerPad({ type: 'pad:delete-everything' }, FROM_PAD)).toBeUndefined();
  });
});

describe('the pad hears that the outbox changed', () => {
  it('from our extension only', async () => {
    const heard = vi.fn();
    const stop = onOutboxChanged(heard);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'outbox:changed' }, { id: 'another-extension' });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'outbox:changed' }, { url: FROM_PAGE.url });
    expect(heard).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'outbox:changed' }, { id: RUNTIME });
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'outbox:changed' }, { id: RUNTIME });
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
