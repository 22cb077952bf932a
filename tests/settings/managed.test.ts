import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from '../../app/background/answers';
import { loadLocalSettings, loadSettings, saveSettings, watchSettings } from '../../app/shared/storage/settings';
import { BOUNDARIED_VCSE_MODEL, OPEN_PCN_MODEL } from '../../domain/model/examples';
import { writeModelFile } from '../../domain/model/model-file';
import { applyManaged, lockedSettings, readManaged } from '../../domain/settings/managed';
import { settingsSchema } from '../../domain/settings/settings';
import { ORCHARD_ADAPTER } from '../../test-support/fixtures/adapters';

/** What the background answers the content script as it starts. */
const adaptersInForce = async () =>
  backgroundHandlers({ run: () => undefined })['adapters-in-force']({ type: 'adapters-in-force' }, {});

describe('settings set by the organisation’s policy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads each policy value, the model and adapters from JSON text', () => {
    const managed = readManaged({
      queueEndpoint: 'https://queue.example.nhs.uk',
      retentionDays: 14,
      notDeliveredAfterMinutes: 120,
      shareCounts: false,
      model: writeModelFile(BOUNDARIED_VCSE_MODEL),
      adapters: JSON.stringify([ORCHARD_ADAPTER]),
    });
    expect(managed.problems).toEqual([]);
    expect(managed.values.model).toEqual(BOUNDARIED_VCSE_MODEL);
    expect(lockedSettings(managed.values)).toEqual([
      'model',
      'adapters',
      'queue.endpoint',
      'retentionDays',
      'notDeliveredAfterMinutes',
      'shareCounts',
    ]);
    expect(applyManaged(settingsSchema.parse({}), managed.values).notDeliveredAfterMinutes).toBe(120);
    // Policy may turn the counts off for every practice, whatever a champion chose.
    expect(applyManaged(settingsSchema.parse({ shareCounts: true }), managed.values).shareCounts).toBe(false);
  });

  it('leaves out a bad policy value, saying which and why, and keeps the good ones', () => {
    const managed = readManaged({
      queueEndpoint: 'http://queue.example.nhs.uk',
      retentionDays: 14,
      notDeliveredAfterMinutes: 5,
      shareCounts: 'yes',
      model: '{"formatVersion": 1',
    });
    expect(managed.values).toEqual({ retentionDays: 14 });
    expect(managed.problems.map((problem) => problem.key)).toEqual([
      'queueEndpoint',
      'notDeliveredAfterMinutes',
      'shareCounts',
      'model',
    ]);
    expect(managed.problems[0]?.message).toMatch(/HTTPS/);
    expect(managed.problems[1]?.message).toMatch(/at least 10 minutes/);
  });

  it('wins over the champion’s own values; a queue takes its endpoint and token from either', () => {
    const local = settingsSchema.parse({
      model: OPEN_PCN_MODEL,
      queue: { endpoint: 'http://127.0.0.1:8787', token: 'practice-token' },
      retentionDays: 7,
    });
    const applied = applyManaged(local, { model: BOUNDARIED_VCSE_MODEL, queueEndpoint: 'https://q.example.nhs.uk' });
    expect(applied.model).toEqual(BOUNDARIED_VCSE_MODEL);
    expect(applied.queue).toEqual({ endpoint: 'https://q.example.nhs.uk', token: 'practice-token' });
    expect(applied.retentionDays).toBe(7);
  });

  it('is what loadSettings gives, while the champion’s own stay as they were', async () => {
    await saveSettings({ model: OPEN_PCN_MODEL, retentionDays: 10 });
    await fakeBrowser.storage.managed.set({ retentionDays: 30, model: writeModelFile(BOUNDARIED_VCSE_MODEL) });
    expect(await loadSettings()).toMatchObject({ model: BOUNDARIED_VCSE_MODEL, retentionDays: 30 });
    expect(await loadLocalSettings()).toMatchObject({ model: OPEN_PCN_MODEL, retentionDays: 10 });
  });

  it('tells watchers the settings in force when the champion saves', async () => {
    await fakeBrowser.storage.managed.set({ retentionDays: 30 });
    const seen: { model?: string; retentionDays: number }[] = [];
    const stop = watchSettings((settings) =>
      seen.push({ model: settings.model?.id, retentionDays: settings.retentionDays }),
    );
    await saveSettings({ model: OPEN_PCN_MODEL });
    await expect.poll(() => seen).toEqual([{ model: OPEN_PCN_MODEL.id, retentionDays: 30 }]);
    stop();
  });

  it('stores the adapters under their own key, where the practice content script reads them', async () => {
    await saveSettings({ adapters: [ORCHARD_ADAPTER], model: OPEN_PCN_MODEL });
    expect(await fakeBrowser.storage.local.get('adapters')).toEqual({ adapters: [ORCHARD_ADAPTER] });
    expect((await fakeBrowser.storage.local.get('settings')).settings).not.toHaveProperty('adapters');
    // A stored adapter that no longer parses is left out; the model and the other adapters stay.
    await fakeBrowser.storage.local.set({ adapters: [{ id: 'broken' }, ORCHARD_ADAPTER] });
    expect(await loadLocalSettings()).toMatchObject({ adapters: [ORCHARD_ADAPTER], model: { id: OPEN_PCN_MODEL.id } });
  });

  it('gives the content script the champion’s adapters, or the policy’s when it sets them', async () => {
    await saveSettings({ adapters: [ORCHARD_ADAPTER] });
    expect(await adaptersInForce()).toEqual([ORCHARD_ADAPTER]);
    await fakeBrowser.storage.managed.set({ adapters: JSON.stringify([{ ...ORCHARD_ADAPTER, id: 'policy' }]) });
    expect((await adaptersInForce()).map((adapter) => adapter.id)).toEqual(['policy']);
    await fakeBrowser.storage.managed.set({ adapters: '[{"id": "broken"}]' });
    expect((await adaptersInForce()).map((adapter) => adapter.id)).toEqual(['orchard']);
    await fakeBrowser.storage.managed.set({ adapters: [{ ...ORCHARD_ADAPTER, id: 'policy' }, { id: 'broken' }] });
    expect((await adaptersInForce()).map((adapter) => adapter.id)).toEqual(['orchard']);
    await fakeBrowser.storage.managed.set({ adapters: 'not json' });
    expect((await adaptersInForce()).map((adapter) => adapter.id)).toEqual(['orchard']);
  });
});
