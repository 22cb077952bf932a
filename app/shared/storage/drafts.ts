import { browser } from 'wxt/browser';
import { draftKey, type SavedDraft, savedDraftSchema } from '../../../domain/drafts/saved-draft';

export type LoadedDraft =
  | { status: 'none' }
  | { status: 'found'; saved: SavedDraft }
  /** Something is stored but does not parse: it was set aside (never overwritten) under `keptAs`. */
  | { status: 'unreadable'; keptAs: string };

/**
 * Drafts live in the extension's local storage — the extension's origin, never the practice system's page — so they
 * survive a reload, the sidebar being closed and the browser restarting.
 */
export async function loadDraft(recordKey: string): Promise<LoadedDraft> {
  const key = draftKey(recordKey);
  const stored = (await browser.storage.local.get(key))[key];
  if (stored === undefined) return { status: 'none' };
  const parsed = savedDraftSchema.safeParse(stored);
  if (parsed.success) return { status: 'found', saved: parsed.data };
  // Nothing a clinician typed is dropped silently: the unreadable value is kept aside for recovery, and only then freed.
  const keptAs = `unreadable-${key}@${new Date().toISOString()}`;
  await browser.storage.local.set({ [keptAs]: stored });
  await browser.storage.local.remove(key);
  console.warn(
    'A stored draft did not parse and was set aside.',
    parsed.error.issues.map((issue) => issue.path.join('.')),
  );
  return { status: 'unreadable', keptAs };
}

export async function saveDraft(saved: SavedDraft): Promise<void> {
  await browser.storage.local.set({ [draftKey(saved.recordKey)]: savedDraftSchema.parse(saved) });
}

/** Removes a draft once its referral is safely in the outbox (or the referrer discards it). */
export async function removeDraft(recordKey: string): Promise<void> {
  await browser.storage.local.remove(draftKey(recordKey));
}
