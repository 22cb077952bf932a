import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadDraft, removeAbandonedDrafts, removeDraft, saveDraft } from '../../app/shared/storage/drafts';
import { loadReferrer } from '../../app/shared/storage/referrer';
import { DRAFT } from '../../app/shared/storage/registry';
import { loadSettings } from '../../app/shared/storage/settings';
import { demoAdapter } from '../../domain/adapters';
import type { SavedDraft } from '../../domain/drafts/saved-draft';
import { OPEN_PCN_MODEL } from '../../domain/model/examples';
import { completeDraft } from '../pad/fixtures';

const DAY = 24 * 60 * 60_000;
const JOHN = 'nhs:9434765919';

/** A draft exactly as the code before versions stored it (version 1: no version key, no savedAt). */
const version1Draft = (startedAt: string) => ({
  recordKey: JOHN,
  referralId: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
  startedAt,
  draft: completeDraft(),
});

beforeEach(() => fakeBrowser.reset());

describe('each stored key, brought forward from the shapes stored before versions (version 1)', () => {
  it('reads version 1 settings, adapters and referrer as they are', async () => {
    await fakeBrowser.storage.local.set({
      settings: { model: OPEN_PCN_MODEL, retentionDays: 14, modelHistory: [] },
      adapters: [demoAdapter],
      referrer: { name: 'Dr A Patel', role: 'GP', odsCode: 'L81001' },
    });
    expect(await loadSettings()).toEqual({
      model: OPEN_PCN_MODEL,
      retentionDays: 14,
      notDeliveredAfterMinutes: 60,
      modelHistory: [],
      adapters: [demoAdapter],
    });
    expect(await loadReferrer()).toEqual({ name: 'Dr A Patel', role: 'GP', odsCode: 'L81001' });
  });

  it('brings version 1 settings holding a model of format 1 forward to format 2, and stores them so', async () => {
    const v1Model = JSON.parse(
      readFileSync(join(process.cwd(), 'test-support/fixtures/model-v1/boundaried-vcse.json'), 'utf8'),
    );
    const entry = { version: 2, savedAt: '2026-09-15T10:00:00.000Z', changes: ['First version of this model.'] };
    await fakeBrowser.storage.local.set({
      settings: { model: v1Model, retentionDays: 7, modelHistory: [{ ...entry, model: v1Model }] },
    });
    const settings = await loadSettings();
    expect(settings.model?.formatVersion).toBe(2);
    expect(settings.model?.scope.pathways[0]?.minAge).toBe(55);
    expect(settings.modelHistory[0]?.model.formatVersion).toBe(2);
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect((stored.settings as { model: { formatVersion: number } }).model.formatVersion).toBe(2);
    expect(stored.settings$).toEqual({ v: 2 });
  });

  it('migrates a version 1 draft to version 2: saved when started, and stored so', async () => {
    await fakeBrowser.storage.local.set({ [DRAFT(JOHN).key]: version1Draft('2026-11-22T09:00:00.000Z') });
    const loaded = await loadDraft(JOHN);
    expect(loaded).toEqual({ status: 'found', saved: version1Draft('2026-11-22T09:00:00.000Z') });
    const stored = await fakeBrowser.storage.local.get([DRAFT(JOHN).key, `${DRAFT(JOHN).key}$`]);
    expect(stored[DRAFT(JOHN).key]).toMatchObject({ savedAt: '2026-11-22T09:00:00.000Z' });
    expect(stored[`${DRAFT(JOHN).key}$`]).toEqual({ v: 2 });
  });

  it('removes a draft with its version', async () => {
    await saveDraft(version1Draft('2026-11-22T09:00:00.000Z') as SavedDraft);
    await removeDraft(JOHN);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('abandoned drafts expire after the retention period', () => {
  const started = Date.parse('2026-11-22T09:00:00.000Z');

  it('keeps a draft saved within the period and removes one not saved for longer, with its version', async () => {
    const mary = 'nhs:4010232137';
    await saveDraft(version1Draft(new Date(started).toISOString()) as SavedDraft, new Date(started));
    await saveDraft(
      { ...(version1Draft(new Date(started).toISOString()) as SavedDraft), recordKey: mary },
      new Date(started + 6 * DAY),
    );
    // The clock moved on 7 days and a minute: John's draft was last saved 7 days ago, Mary's 1 day ago.
    const now = started + 7 * DAY + 60_000;
    expect(await removeAbandonedDrafts(now, 7)).toBe(1);
    expect(await loadDraft(JOHN)).toEqual({ status: 'none' });
    expect((await loadDraft(mary)).status).toBe('found');
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.includes(JOHN))).toEqual([]);
  });

  it('follows the champion’s retention setting, and counts a version 1 draft from when it was started', async () => {
    await fakeBrowser.storage.local.set({ [DRAFT(JOHN).key]: version1Draft(new Date(started).toISOString()) });
    expect(await removeAbandonedDrafts(started + 20 * DAY, 30)).toBe(0);
    expect(await removeAbandonedDrafts(started + 31 * DAY, 30)).toBe(1);
    expect(await loadDraft(JOHN)).toEqual({ status: 'none' });
  });

  it('removes a draft set aside as unreadable once it is older than the period, and nothing else', async () => {
    await fakeBrowser.storage.local.set({ [DRAFT(JOHN).key]: { recordKey: JOHN, draft: { needs: 'lonely' } } });
    const loaded = await loadDraft(JOHN);
    expect(loaded.status).toBe('unreadable');
    await fakeBrowser.storage.local.set({ settings: { retentionDays: 7 }, referrer: { name: 'Dr A Patel' } });
    expect(await removeAbandonedDrafts(Date.now() + DAY, 7)).toBe(0);
    expect(await removeAbandonedDrafts(Date.now() + 8 * DAY, 7)).toBe(1);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(['referrer', 'settings']);
  });
});
