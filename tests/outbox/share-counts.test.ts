import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from '../../app/background/answers';
import { openOutbox } from '../../app/background/outbox/db';
import { watchedShareCounts } from '../../app/background/share-counts';
import { answering } from '../../app/shared/messaging/receive';
import { saveSettings } from '../../app/shared/storage/settings';
import { richReferral } from '../../test-support/fixtures/referrals';

const RUNTIME = fakeBrowser.runtime.id;
const FROM_PAD = { id: RUNTIME, url: `chrome-extension://${RUNTIME}/pad.html#nonce`, tab: { id: 7 } };

describe('whether counts are shared, as the background keeps it', () => {
  beforeEach(() => fakeBrowser.reset());

  it('follows the champion’s setting, and a Send made once it is on writes the sent check with the row', async () => {
    const shareCounts = watchedShareCounts();
    expect(await shareCounts()).toBe(false);
    await saveSettings({ shareCounts: true });
    await expect.poll(() => shareCounts()).toBe(true);

    const db = openOutbox(`share-counts-${crypto.randomUUID()}`);
    const answer = answering(backgroundHandlers({ db, run: () => undefined, shareCounts }), () => ({
      runtimeId: RUNTIME,
    }));
    expect(await answer({ type: 'pad:enqueue', referral: richReferral }, FROM_PAD)).toEqual({ ok: true });
    expect(await db.checks.toArray()).toEqual([expect.objectContaining({ referralId: richReferral.id })]);

    await saveSettings({ shareCounts: false });
    await expect.poll(() => shareCounts()).toBe(false);
  });
});
