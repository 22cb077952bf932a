import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from '../../app/background/answers';
import { answering } from '../../app/shared/messaging/receive';
import { saveSettings } from '../../app/shared/storage/settings';
import { demoAdapter, genericAdapter } from '../../domain/adapters';

beforeEach(() => {
  fakeBrowser.reset();
});

const orchard = {
  ...demoAdapter,
  id: 'orchard-downs',
  name: 'Orchard Clinical',
  matches: ['https://orchard.example.nhs.uk/*'],
  banner: '.oc-ident',
};
const CONTENT_SCRIPT = { id: fakeBrowser.runtime.id, url: 'https://orchard.example.nhs.uk/record', tab: { id: 3 } };

/** What the background answers the content script as it starts, on a page of that URL. */
function adapterForPage(url = CONTENT_SCRIPT.url) {
  const listener = answering(backgroundHandlers({ run: () => undefined }), () => ({
    runtimeId: fakeBrowser.runtime.id,
  }));
  return listener({ type: 'adapter-for-page' }, { ...CONTENT_SCRIPT, url });
}

describe('the champion’s adapters, as the content script gets them', () => {
  it('saves valid adapters, which the content script is given on their pages', async () => {
    await saveSettings({ adapters: [orchard] });
    expect(await adapterForPage()).toEqual(orchard);
  });

  it('gives the built-in adapters after the champion’s: the demo system’s on its page, else the generic one', async () => {
    await saveSettings({ adapters: [orchard] });
    expect(await adapterForPage('http://127.0.0.1:5173/')).toEqual(demoAdapter);
    expect(await adapterForPage('https://another.example.nhs.uk/record')).toEqual(genericAdapter);
    await saveSettings({ adapters: [{ ...orchard, matches: ['<all_urls>'] }] });
    expect(await adapterForPage('http://127.0.0.1:5173/')).toMatchObject({ id: orchard.id });
  });

  it('gives no adapter for a page no adapter matches', async () => {
    expect(await adapterForPage('ftp://files.example.nhs.uk/')).toBeNull();
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
    expect(await adapterForPage()).toEqual(orchard);
  });

  it('leaves out a stored adapter that no longer parses, and keeps the others', async () => {
    await browser.storage.local.set({ adapters: [{ id: 'Broken Adapter' }, orchard] });
    expect(await adapterForPage()).toEqual(orchard);
  });

  it('answers our own contexts only', async () => {
    await saveSettings({ adapters: [orchard] });
    const listener = answering(backgroundHandlers({ run: () => undefined }), () => ({ runtimeId: 'ours' }));
    expect(listener({ type: 'adapter-for-page' }, { ...CONTENT_SCRIPT, id: 'another-extension' })).toBeUndefined();
  });
});
