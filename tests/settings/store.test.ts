import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, saveSettings, watchSettings } from '../../app/shared/storage/settings';

describe('settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual({
      retentionDays: 7,
      notDeliveredAfterMinutes: 60,
      modelHistory: [],
      adapters: [],
    });
  });

  it('keeps what was saved and tells watchers', async () => {
    const seen: number[] = [];
    const stop = watchSettings((settings) => seen.push(settings.retentionDays));
    await saveSettings({ queue: { endpoint: 'http://127.0.0.1:8787', token: 'abc' } });
    await saveSettings({ retentionDays: 14 });
    stop();
    expect(await loadSettings()).toEqual({
      retentionDays: 14,
      notDeliveredAfterMinutes: 60,
      modelHistory: [],
      adapters: [],
      queue: { endpoint: 'http://127.0.0.1:8787', token: 'abc' },
    });
    expect(seen).toEqual([7, 14]);
  });

  it('refuses an invalid save and keeps the old settings', async () => {
    await saveSettings({ retentionDays: 10 });
    await expect(saveSettings({ queue: { endpoint: 'http://queue.example.nhs.uk', token: 'abc' } })).rejects.toThrow(
      /HTTPS/,
    );
    expect(await loadSettings()).toEqual({
      retentionDays: 10,
      notDeliveredAfterMinutes: 60,
      modelHistory: [],
      adapters: [],
    });
  });

  it('falls back to defaults when what is stored no longer parses', async () => {
    await fakeBrowser.storage.local.set({ settings: { retentionDays: 'many' } });
    expect(await loadSettings()).toEqual({
      retentionDays: 7,
      notDeliveredAfterMinutes: 60,
      modelHistory: [],
      adapters: [],
    });
  });
});
