import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type AnswerDeps, backgroundHandlers } from '../../app/background/answers';
import { type OutboxDb, openOutbox } from '../../app/background/outbox/db';
import { enqueueReferral } from '../../app/background/outbox/enqueue';
import { runOutbox } from '../../app/background/outbox/run';
import { Pad } from '../../app/pad/Pad';
import type { PadState } from '../../app/pad/pad-state';
import { tell } from '../../app/shared/messaging/ask';
import { typeOf } from '../../app/shared/messaging/protocol';
import { answering } from '../../app/shared/messaging/receive';
import { loadDraft } from '../../app/shared/storage/drafts';
import { standInQueueBehindProxy } from '../../test-support/queue/behind-proxy';
import { nodeFetch } from '../../test-support/queue/node-fetch';
import { quickPolicy } from '../outbox/support';
import { JOHN, padWithModel, REFERRAL } from './fixtures';
import { renderRoot } from './render-root';

/**
 * The pad rendered with the background's real answers (app/background/answers.ts) over real Dexie (fake-indexeddb):
 * what the GP sees of the outbox — a browser that cannot store referrals, and a refused referral sent again.
 */
const RUNTIME = fakeBrowser.runtime.id;
const PAD = { id: RUNTIME, url: `chrome-extension://${RUNTIME}/sidepanel.html` };
const WORKER = { id: RUNTIME, url: `chrome-extension://${RUNTIME}/background.js` };

/**
 * The runtime messaging between the pad and the background as Chrome routes it: each message reaches the other side
 * with its real sender (fakeBrowser passes none), and the background's listener is the one the background registers.
 */
function background(deps: Partial<AnswerDeps>): void {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    const from = typeOf(message) === 'outbox:changed' ? WORKER : PAD;
    const replies = await fakeBrowser.runtime.onMessage.trigger(message, from);
    return replies.find((reply) => reply !== undefined);
  });
  fakeBrowser.runtime.onMessage.addListener(
    answering(backgroundHandlers({ run: () => undefined, ...deps }), () => ({ runtimeId: RUNTIME })),
  );
}

const root = renderRoot();
const byId = (id: string) => root().querySelector<HTMLElement>(`#${id}`);
const sendButton = () => byId('pad-send') as HTMLButtonElement;

async function openPad(): Promise<PadState> {
  const state = padWithModel();
  // What startPad does: ask the background about its outbox, then follow the record on screen.
  await state.checkOutbox();
  await state.recordChanged(JOHN);
  await act(() => {
    render(<Pad state={state} />, root());
  });
  return state;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a browser whose background cannot open IndexedDB (a private window)', () => {
  it('says so when the pad opens, turns Send off with the reason beside it, and keeps the draft', async () => {
    // What Firefox private browsing does in the background's context: indexedDB.open throws.
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
    });
    background({ db: openOutbox('outbox-private-window') });
    const state = await openPad();
    await act(() => {
      state.update((draft) => ({
        ...draft,
        needs: ['loneliness'],
        safety: Object.fromEntries(Object.keys(REFERRAL.safety).map((flag) => [flag, false])),
        consent: { referral: true, sharing: true },
        referrer: { name: 'Dr Asha Patel', role: 'GP', odsCode: 'L81001' },
      }));
    });

    expect(byId('pad-no-outbox')?.textContent).toBe(
      'This browser cannot store referrals here (for example a private window), so referrals cannot be sent from this pad. Nothing you type is lost: your draft stays in the pad. Open the practice system in a normal window to send it.',
    );
    expect(sendButton().disabled).toBe(true);
    expect(sendButton().getAttribute('aria-describedby')).toBe('pad-send-reason');
    expect(byId('pad-send-reason')?.textContent).toBe(
      'Send is turned off: this browser cannot store referrals here (for example a private window). Your draft is kept.',
    );
    // The draft is whole on screen and stored (the extension's storage, not the outbox).
    expect(root().querySelector('[aria-pressed="true"]')?.textContent).toContain('Loneliness or isolation');
    await state.settled();
    const saved = await loadDraft(JOHN.recordKey);
    expect(saved.status === 'found' && saved.saved.draft.needs).toEqual(['loneliness']);
    expect(saved.status === 'found' && saved.saved.draft.consent).toEqual({ referral: true, sharing: true });
    // Nothing else stands in the way: the storage alone turns Send off.
    state.outboxAvailable.value = true;
    expect(state.blocked.value).toBeUndefined();
  });

  it('says nothing of the kind where the background can store referrals', async () => {
    background({ db: openOutbox(`outbox-normal-${crypto.randomUUID()}`) });
    await openPad();
    expect(byId('pad-no-outbox')).toBeNull();
    expect(byId('pad-send-reason')?.textContent).not.toContain('cannot store referrals');
  });
});

describe('Sent referrals on the pad’s main view', () => {
  const net = standInQueueBehindProxy();

  it('shows a refused referral with the service’s reason; Send again queues it and a working queue gets it', async () => {
    const db: OutboxDb = openOutbox(`outbox-${crypto.randomUUID()}`);
    // The background's drain, as app/background/start-outbox.ts runs it, with the queue behind a fault proxy.
    const drain = async () => {
      await runOutbox({
        db,
        queue: { endpoint: net.proxy.url, token: net.queue.token },
        retentionDays: 7,
        fetch: nodeFetch,
        now: Date.now,
        random: Math.random,
        policy: quickPolicy,
      });
      tell('outbox:changed', {});
    };
    let drained: Promise<void> = Promise.resolve();
    background({
      db,
      run: () => {
        drained = drain();
      },
    });

    // Sent earlier in the consultation; the service refused it.
    net.proxy.mode = 'refuse';
    net.proxy.refusal = 'Practice L81001 has no agreement with this service.';
    await enqueueReferral(REFERRAL, { db });
    await drain();
    expect(await db.referrals.get(REFERRAL.id)).toMatchObject({ status: 'needs-attention' });

    await openPad();
    const panel = byId('pad-sent-panel') as HTMLDetailsElement;
    await vi.waitFor(() => expect(panel.querySelector('summary')?.textContent).toContain('1 needs attention'));
    // It opens by itself, the send form above it unmoved.
    await vi.waitFor(() => expect(panel.open).toBe(true));
    expect(root().querySelector('form')?.nextElementSibling).toBe(panel);
    const item = () => root().querySelector<HTMLElement>('#pad-sent-this-patient + div .pad-sent-item');
    expect(item()?.textContent).toContain('SP-1A2B-3C4D');
    expect(item()?.textContent).toContain('Loneliness or isolation, Bereavement');
    expect(item()?.querySelector('.pad-sent-state')?.textContent).toBe(
      'Needs attention: The queue service refused the referral (HTTP 422): Practice L81001 has no agreement with this service.',
    );
    expect(net.queue.stored.has(REFERRAL.id)).toBe(false);

    // The practice fixed the agreement: Send again.
    net.proxy.mode = 'pass';
    const again = item()?.querySelector('button');
    expect(again?.getAttribute('aria-label')).toBe('Send SP-1A2B-3C4D again');
    await act(() => again?.click());
    await vi.waitFor(() =>
      expect(item()?.querySelector('.pad-sent-state')?.textContent).toMatch(/^Waiting to send|^Delivered/),
    );
    await drained;
    await vi.waitFor(() =>
      expect(item()?.querySelector('.pad-sent-state')?.textContent).toBe('Delivered — awaiting the link worker'),
    );
    expect(item()?.querySelector('button')).toBeNull();
    expect(panel.querySelector('summary')?.textContent).not.toContain('attention');
    expect(net.queue.posts.get(REFERRAL.id)).toBe(1);
    expect(net.queue.stored.has(REFERRAL.id)).toBe(true);
    expect(await db.referrals.get(REFERRAL.id)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('lists the practice’s referrals for today or this week, one radio press apart', async () => {
    const db: OutboxDb = openOutbox(`outbox-${crypto.randomUUID()}`);
    background({ db });
    const now = Date.now();
    const monday = new Date(now);
    monday.setHours(0, 0, 0, 0);
    monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
    const earlierThisWeek = monday.getTime() + 60_000;
    const someoneElse = {
      ...REFERRAL,
      id: crypto.randomUUID(),
      patient: { ...REFERRAL.patient, nhsNumber: '9990012342' },
    };
    await enqueueReferral(someoneElse, { db, now });
    const older = { ...REFERRAL, id: crypto.randomUUID(), needs: ['money-debt' as const] };
    await enqueueReferral(older, { db, now: earlierThisWeek });

    await openPad();
    const practiceItems = () =>
      [...root().querySelectorAll('#pad-sent-this-practice ~ div .pad-sent-reference')].map((node) => node.textContent);
    const reference = (id: string) => `SP-${id.slice(0, 4).toUpperCase()}-${id.slice(4, 8).toUpperCase()}`;
    await vi.waitFor(() => expect(practiceItems()).toContain(reference(someoneElse.id)));
    const today = root().querySelector<HTMLInputElement>('input[name="pad-sent-range"][value="today"]');
    const week = root().querySelector<HTMLInputElement>('input[name="pad-sent-range"][value="week"]');
    expect(today?.checked).toBe(true);
    expect(today?.closest('fieldset')?.querySelector('legend')?.textContent).toBe('Show the referrals sent');
    if (earlierThisWeek < new Date(now).setHours(0, 0, 0, 0)) {
      expect(practiceItems()).toEqual([reference(someoneElse.id)]);
    }
    await act(() => week?.click());
    await vi.waitFor(() => expect(practiceItems()).toEqual([reference(someoneElse.id), reference(older.id)]));
    // This patient's list has only John's (by NHS number), not the other patient's.
    expect(
      [...root().querySelectorAll('#pad-sent-this-patient + div .pad-sent-reference')].map((node) => node.textContent),
    ).toEqual([reference(older.id)]);
  });
});

describe('the link workers’ latest statuses, asked for while Sent referrals are shown', () => {
  it('asks when the panel is opened and whenever the pad’s window takes focus while it is open, never while closed', async () => {
    background({ db: openOutbox(`outbox-${crypto.randomUUID()}`) });
    const asked = () =>
      vi
        .mocked(fakeBrowser.runtime.sendMessage)
        .mock.calls.filter(([message]) => (message as { type?: string }).type === 'outbox:refresh').length;
    await openPad();
    const panel = byId('pad-sent-panel') as HTMLDetailsElement;
    expect(panel.open).toBe(false);
    window.dispatchEvent(new Event('focus'));
    expect(asked()).toBe(0);

    await act(() => panel.querySelector('summary')?.click());
    await vi.waitFor(() => expect(asked()).toBe(1));
    // The GP comes back to the pad (the sidebar focuses its frame as it opens it again).
    window.dispatchEvent(new Event('focus'));
    expect(asked()).toBe(2);

    await act(() => panel.querySelector('summary')?.click());
    await vi.waitFor(() => expect(panel.open).toBe(false));
    window.dispatchEvent(new Event('focus'));
    expect(asked()).toBe(2);
  });
});
