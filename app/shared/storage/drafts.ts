import type { SavedDraft } from '../../../domain/drafts/saved-draft';
import { DRAFT, everything, isDraftKey, read, remove, setAside, UNREADABLE_PREFIX, write } from './registry';

export type LoadedDraft =
  | { status: 'none' }
  | { status: 'found'; saved: SavedDraft }
  /** Something is stored but does not parse: it was set aside (never overwritten) under `keptAs`. */
  | { status: 'unreadable'; keptAs: string };

const DAY = 24 * 60 * 60_000;

/**
 * Drafts live in the extension's local storage — the extension's origin, never the practice system's page — so they
 * survive a reload, the sidebar being closed and the browser restarting; until sent, or abandoned for the retention
 * period (removeAbandonedDrafts).
 */
export async function loadDraft(recordKey: string): Promise<LoadedDraft> {
  const entry = DRAFT(recordKey);
  const stored = await read(entry);
  if (stored.status === 'ok') {
    if (!stored.value) return { status: 'none' };
    const { savedAt: _savedAt, ...saved } = stored.value;
    return { status: 'found', saved };
  }
  // Nothing a clinician typed is dropped silently: the unreadable value is kept aside for recovery, and only then freed.
  const keptAs = await setAside(entry, stored.raw, new Date());
  console.warn('A stored draft did not parse and was set aside.', stored.where);
  return { status: 'unreadable', keptAs };
}

/** Saves a patient's draft, stamped with when (an abandoned draft is removed after the retention period). */
export async function saveDraft(saved: SavedDraft, now = new Date()): Promise<void> {
  await write(DRAFT(saved.recordKey), { ...saved, savedAt: now.toISOString() });
}

/** Removes a draft once its referral is safely in the outbox (or the referrer discards it). */
export async function removeDraft(recordKey: string): Promise<void> {
  await remove([DRAFT(recordKey).key]);
}

/**
 * Removes the drafts (name, NHS number, date of birth, phone, postcode, free text) not saved for `retentionDays`, and
 * drafts set aside as unreadable that long ago. A draft whose time cannot be read is old. Returns how many went.
 */
export async function removeAbandonedDrafts(now: number, retentionDays: number): Promise<number> {
  const cutoff = now - retentionDays * DAY;
  const old = Object.entries(await everything()).flatMap(([key, value]) => {
    if (isDraftKey(key)) return savedAt(value) <= cutoff ? [key] : [];
    if (key.startsWith(UNREADABLE_PREFIX)) {
      const at = Date.parse(key.slice(key.lastIndexOf('@') + 1));
      return Number.isNaN(at) || at <= cutoff ? [key] : [];
    }
    return [];
  });
  if (old.length) await remove(old);
  return old.length;
}

/** When a stored draft was last saved; version 1 drafts have only when they were started. */
function savedAt(value: unknown): number {
  const { savedAt, startedAt } = (value ?? {}) as { savedAt?: unknown; startedAt?: unknown };
  const at = Date.parse(String(savedAt ?? startedAt));
  return Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at;
}
