import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openOutbox } from '../../app/background/outbox/db';
import { enqueueReferral } from '../../app/background/outbox/enqueue';
import { answerPad, onOutboxChanged } from '../../app/pad/outbox-link';
import { REFERRAL } from './fixtures';

/** The background's answers to the pad about its outbox, and who it answers. */
const RUNTIME = 'abcdefghijklmnopabcdefghijklmnop';
const FROM_PAD = { id: RUNTIME, url: `chrome-extension://${RUNTIME}/pad.html#nonce`, tab: { id: 7 } };
const FROM_PAGE = { url: 'http://127.0.0.1:5173/', tab: { id: 7 } };
const FROM_OPTIONS = { id: RUNTIME, url: `chrome-extension://${RUNTIME}/options.html` };

const fresh = () => openOutbox(`outbox-link-${crypto.randomUUID()}`);

beforeEach(() => fakeBrowser.reset());

describe('the background answers the pad about its outbox', () => {
  it('lists the sent referrals, parsed, for the pad only', async () => {
    const db = fresh();
    await enqueueReferral(REFERRAL, { db });
    const ask = { type: 'pad:sent-referrals', query: { nhsNumber: '9434765919' } };
    expect(await answerPad(ask, FROM_PAD, RUNTIME, { db })).toMatchObject({
      ok: true,
      rows: [{ id: REFERRAL.id, status: 'queued', needs: ['loneliness', 'bereavement'] }],
    });
    expect(await answerPad(ask, FROM_PAGE, RUNTIME, { db })).toEqual({ ok: false, message: 'not from the pad' });
    expect(await answerPad(ask, FROM_OPTIONS, RUNTIME, { db })).toEqual({ ok: false, message: 'not from the pad' });
    expect(
      answerPad({ type: 'pad:sent-referrals', query: { since: 'today' } }, FROM_PAD, RUNTIME, { db }),
    ).toBeUndefined();
  });

  it('says whether the outbox can store referrals: not where IndexedDB cannot open', async () => {
    expect(await answerPad({ type: 'pad:outbox-state' }, FROM_PAD, RUNTIME, { db: fresh() })).toEqual({
      available: true,
    });
    const refusing = {
      open(): IDBOpenDBRequest {
        throw new DOMException('The user denied permission to access the database.', 'UnknownError');
      },
    };
    const db = openOutbox('refused', { indexedDB: refusing });
    expect(await answerPad({ type: 'pad:outbox-state' }, FROM_PAD, RUNTIME, { db })).toEqual({ available: false });
    expect(await answerPad({ type: 'pad:sent-referrals', query: {} }, FROM_PAD, RUNTIME, { db })).toMatchObject({
      ok: false,
    });
  });

  it('sends again only a referral that needs attention, and drains at once', async () => {
    const db = fresh();
    await enqueueReferral(REFERRAL, { db });
    const drain = vi.fn();
    const again = { type: 'pad:send-again', id: REFERRAL.id };
    expect(await answerPad(again, FROM_PAD, RUNTIME, { db, drain })).toEqual({ ok: true, resent: false });
    expect(drain).not.toHaveBeenCalled();
    await db.referrals.update(REFERRAL.id, { status: 'needs-attention', lastError: 'refused' });
    expect(await answerPad(again, FROM_PAGE, RUNTIME, { db, drain })).toEqual({
      ok: false,
      message: 'not from the pad',
    });
    expect((await db.referrals.get(REFERRAL.id))?.status).toBe('needs-attention');
    expect(await answerPad(again, FROM_PAD, RUNTIME, { db, drain })).toEqual({ ok: true, resent: true });
    expect((await db.referrals.get(REFERRAL.id))?.status).toBe('queued');
    expect(drain).toHaveBeenCalledTimes(1);
  });

  it('drains once a Send is committed', async () => {
    const db = fresh();
    const drain = vi.fn();
    expect(await answerPad({ type: 'pad:enqueue', referral: REFERRAL }, FROM_PAD, RUNTIME, { db, drain })).toEqual({
      ok: true,
    });
    expect(drain).toHaveBeenCalledTimes(1);
    expect((await db.referrals.get(REFERRAL.id))?.status).toBe('queued');
  });

  it('leaves other messages to other listeners', () => {
    expect(answerPad({ type: 'outbox:drain' }, FROM_PAD, RUNTIME)).toBeUndefined();
    expect(answerPad({ type: 'which-patient' }, FROM_PAD, RUNTIME)).toBeUndefined();
  });
});

describe('the pad hears that the outbox changed', () => {
  it('from our extension only', async () => {
    const heard = vi.fn();
    const stop = onOutboxChanged(heard, RUNTIME);
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
