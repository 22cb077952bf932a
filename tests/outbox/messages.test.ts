import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerMessages } from '../../app/background/answers';
import { openOutbox } from '../../app/background/outbox/db';

type Sender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
const RUNTIME = fakeBrowser.runtime.id;
const FROM_PAD = { id: RUNTIME, url: `chrome-extension://${RUNTIME}/pad.html#nonce`, tab: { id: 7 } } as Sender;
const FROM_OPTIONS = { id: RUNTIME, url: `chrome-extension://${RUNTIME}/options.html` } as Sender;
const FROM_CONTENT_SCRIPT = { id: RUNTIME, url: 'http://127.0.0.1:5173/', tab: { id: 7 } } as Sender;
const FROM_OTHER_EXTENSION = { id: 'another-extension', url: 'chrome-extension://x/page.html' } as Sender;

/** The background's message answers on a fresh outbox; gives the stand-in for running the outbox, to see its calls. */
function backgroundAnswering() {
  const run = vi.fn();
  answerMessages({ db: openOutbox(`messages-${crypto.randomUUID()}`), run });
  return run;
}

describe('our pages ask the background to run the outbox', () => {
  beforeEach(() => fakeBrowser.reset());

  it('drains, refreshes the statuses or sends now that the network is back, when one of our pages asks', async () => {
    const run = backgroundAnswering();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'outbox:drain' }, FROM_PAD);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'outbox:refresh' }, FROM_PAD);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'outbox:online' }, FROM_OPTIONS);
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(3));
    expect(run.mock.calls).toEqual([[], [{ refresh: true }], [{ online: true }]]);
  });

  it('ignores the same asks from a content script, another extension, or anything not ours', async () => {
    const run = backgroundAnswering();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'outbox:drain' }, FROM_CONTENT_SCRIPT);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'outbox:online' }, FROM_OTHER_EXTENSION);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'outbox:delete-everything' }, FROM_PAD);
    await fakeBrowser.runtime.onMessage.trigger('outbox:drain', FROM_PAD);
    // One ask that is ours, after them: it alone runs the outbox.
    await fakeBrowser.runtime.onMessage.trigger({ type: 'outbox:refresh' }, FROM_PAD);
    await vi.waitFor(() => expect(run).toHaveBeenCalled());
    expect(run.mock.calls).toEqual([[{ refresh: true }]]);
  });
});
