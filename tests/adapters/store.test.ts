import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadChampionAdapters, storedAdapters } from '../../app/shared/storage/adapters';
import { saveSettings } from '../../app/shared/storage/settings';
import { demoAdapter } from '../../domain/adapters';

beforeEach(() => {
  fakeBrowser.reset();
});

const orchard = { ...demoAdapter, id: 'orchard-downs', name: 'Orchard Clinical', banner: '.oc-ident' };

describe('the champion’s adapters in storage', () => {
  it('saves valid adapters where the content script reads them', async () => {
    await saveSettings({ adapters: [orchard] });
    expect(await loadChampionAdapters()).toEqual([orchard]);
    expect(storedAdapters((await browser.storage.local.get('adapters')).adapters)).toEqual([orchard]);
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
    expect(await loadChampionAdapters()).toEqual([orchard]);
  });

  it('leaves out a stored adapter that no longer parses, and keeps the others', async () => {
    await browser.storage.local.set({ adapters: [{ id: 'Broken Adapter' }, orchard] });
    expect(await loadChampionAdapters()).toEqual([orchard]);
  });
});
