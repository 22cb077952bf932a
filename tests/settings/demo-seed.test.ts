import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { seedDemo } from '../../app/pad/demo-seed';
import { loadReferrer } from '../../app/shared/storage/referrer';
import { loadSettings, saveSettings } from '../../app/shared/storage/settings';
import { OPEN_PCN_MODEL } from '../../domain/model/examples';
import { DEMO_SETTINGS } from '../../domain/settings/demo';

describe('the demo build’s settings (npm start)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('points a fresh demo at the local queue with the demo practice’s token and ODS code', async () => {
    await seedDemo(DEMO_SETTINGS);
    const settings = await loadSettings();
    expect(settings.queue).toEqual({ endpoint: 'http://127.0.0.1:8787/fhir', token: DEMO_SETTINGS.queue.token });
    expect(settings.model?.kind).toBe('boundaried');
    expect((await loadReferrer()).odsCode).toBe('Y00001');
    expect(settings.shareCounts).toBe(true);
  });

  it('never replaces what a champion or referrer has set', async () => {
    await saveSettings({ model: OPEN_PCN_MODEL, queue: { endpoint: 'https://queue.example.org', token: 'own' } });
    await fakeBrowser.storage.local.set({ referrer: { name: 'Dr A Patel', odsCode: 'L81001' } });
    await seedDemo(DEMO_SETTINGS);
    const settings = await loadSettings();
    expect(settings.model?.id).toBe(OPEN_PCN_MODEL.id);
    expect(settings.queue).toEqual({ endpoint: 'https://queue.example.org', token: 'own' });
    expect(await loadReferrer()).toEqual({ name: 'Dr A Patel', odsCode: 'L81001' });
  });

  it('shares counts from the point of referral, unless a champion turned that off', async () => {
    await saveSettings({ shareCounts: false });
    await seedDemo(DEMO_SETTINGS);
    expect((await loadSettings()).shareCounts).toBe(false);
  });
});
