import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from '../../app/background/answers';
import { answering } from '../../app/shared/messaging/receive';
import { saveSettings } from '../../app/shared/storage/settings';
import { demoAdapter } from '../../domain/adapters';

beforeEach(() => {
  fakeBrowser.reset();
});

const orchard = { ...demoAdapter, id: 'orchard-downs', name: 'Orchard Clinical', banner: '.oc-ident' };
const CONTENT_SCRIPT = { id: fakeBrowser.runtime.id, url: 'https://orchard.example.nhs.uk/record', tab: { id: 3 } };

/** What the background answers the content script as it starts. */
function adaptersInForce() {
  const listener = answering(backgroundHandlers({ run: () => undefined }), () => ({
    runtimeId: fakeBrowser.runtime.id,
  }));
  return listener({ type: 'adapters-in-force' }, CONTENT_SCRIPT);
}

describe('the champion’s adapters, as the content script gets them', () => {
  it('saves valid adapters, which the content script is given', async () => {
    await saveSettings({ adapters: [orchard] });
    expect(await adaptersInForce()).toEqual([orchard]);
  });

  it('saves nothing when one adapter is wrong, and says where', async () => {
    await saveSettings({ adapters: [orchard] });
    await expect(saveSettings({ adapters: [orchard, { ...orchard, id: 'second', banner: '' }] })).rejects.toMatchObject(
      {
        issues: expect.arrayContaining([
          expect.objectContaining({ path: ['adapters', 1, 'banner'], message: 'A CSS selector is empty.' }),
        ]),
      },
    );
    expect(await adaptersInForce()).toEqual([orchard]);
  });

  it('leaves out a stored adapter that no longer parses, and keeps the others', async () => {
    await browser.storage.local.set({ adapters: [{ id: 'Broken Adapter' }, orchard] });
    expect(await adaptersInForce()).toEqual([orchard]);
  });

  it('answers our own contexts only', async () => {
    await saveSettings({ adapters: [orchard] });
    const listener = answering(backgroundHandlers({ run: () => undefined }), () => ({ runtimeId: 'ours' }));
    expect(listener({ type: 'adapters-in-force' }, { ...CONTENT_SCRIPT, id: 'another-extension' })).toBeUndefined();
  });
});
