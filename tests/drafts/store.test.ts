import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadDraft, removeDraft, saveDraft } from '../../app/shared/storage/drafts';
import { DRAFT } from '../../app/shared/storage/registry';
import type { SavedDraft } from '../../domain/drafts/saved-draft';
import { completeDraft } from '../pad/fixtures';

const saved = (recordKey: string, given: string): SavedDraft => ({
  recordKey,
  referralId: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
  startedAt: '2026-11-22T09:00:00.000Z',
  draft: { ...completeDraft(), patient: { ...completeDraft().patient, given } },
});

describe('drafts, one per patient record', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps each patient’s draft under its own record key', async () => {
    await saveDraft(saved('nhs:9434765919', 'John'));
    await saveDraft(saved('nhs:4010232137', 'Mary'));
    const john = await loadDraft('nhs:9434765919');
    const mary = await loadDraft('nhs:4010232137');
    expect(john.status === 'found' && john.saved.draft.patient.given).toBe('John');
    expect(mary.status === 'found' && mary.saved.draft.patient.given).toBe('Mary');
    expect(await loadDraft('nhs:9990000018')).toEqual({ status: 'none' });
  });

  it('removes only the draft whose referral was sent', async () => {
    await saveDraft(saved('nhs:9434765919', 'John'));
    await saveDraft(saved('nhs:4010232137', 'Mary'));
    await removeDraft('nhs:9434765919');
    expect(await loadDraft('nhs:9434765919')).toEqual({ status: 'none' });
    expect((await loadDraft('nhs:4010232137')).status).toBe('found');
  });

  it('sets an unreadable draft aside rather than losing or trusting it', async () => {
    const broken = { recordKey: 'nhs:9434765919', draft: { needs: 'lonely' } };
    await fakeBrowser.storage.local.set({ [DRAFT('nhs:9434765919').key]: broken });
    const loaded = await loadDraft('nhs:9434765919');
    expect(loaded.status).toBe('unreadable');
    if (loaded.status !== 'unreadable') return;
    expect((await fakeBrowser.storage.local.get(loaded.keptAs))[loaded.keptAs]).toEqual(broken);
    expect(await loadDraft('nhs:9434765919')).toEqual({ status: 'none' });
  });
});
