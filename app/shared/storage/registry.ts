import { browser } from 'wxt/browser';
import { z } from 'zod';
import { adapterSchema } from '../../../domain/adapters/adapter';
import { savedDraftSchema } from '../../../domain/drafts/saved-draft';
import { upgradeSettingsModels } from '../../../domain/model/migrate';
import { type Directory, directorySchema } from '../../../domain/service/directory';
import { settingsSchema } from '../../../domain/settings/settings';

/**
 * Every key the extension keeps in `browser.storage.local`, once: its schema, the value when nothing is stored, its
 * version and how each earlier version is brought forward. A value's version is kept beside it under `<key>$` as
 * `{ v }` (the convention of WXT's `storage.defineItem`); a value without one is version 1, the shapes stored before
 * versions were kept. Nothing else reads or writes these keys (app/shared/storage/*.ts go through here).
 *
 * | key                     | what                                                      | written by          | version |
 * | ----------------------- | --------------------------------------------------------- | ------------------- | ------- |
 * | `settings`              | the champion's settings, but the adapters                 | options page, demo  | 2       |
 * | `adapters`              | the champion's page adapters                              | options page        | 1       |
 * | `referrer`              | the referrer's name, role and practice, remembered        | pad                 | 1       |
 * | `draft:<recordKey>`     | a patient's draft (removed when sent, or after retention) | pad                 | 2       |
 * | `unreadable-<key>@<at>` | a stored draft that did not parse, set aside raw          | pad                 | —       |
 * | `directory`             | the practice's directory as last fetched from the queue   | background          | 1       |
 * | `directory-refresh`     | where it came from, and the last attempt to refresh it    | background          | 1       |
 * | `champion`              | the champion's name and role, remembered for proposals    | options page        | 1       |
 * | `sidebar-layout:<origin>` | the pad's width and the launcher's place on a practice system | content script | 1     |
 *
 * A setting added with a default (e.g. `notDeliveredAfterMinutes`, 60) needs no new version: an older value parses
 * with the default, and older code drops the key it does not know.
 *
 * `sidebar-layout:<origin>` is read and written by the content script, which bundles no zod: its schema, version and
 * reads are by hand in ./sidebar-layout.ts (the same `<key>$` version convention).
 */
export type Stored<T> = {
  key: string;
  schema: z.ZodType<T>;
  /** The value when nothing is stored. */
  fallback: T;
  version: number;
  /** `migrations[n]` turns a version n-1 value into version n; every step from the stored version up runs in order. */
  migrations: Record<number, (value: unknown) => unknown>;
};

/** The champion's settings; the adapters have their own key (`ADAPTERS`). */
const storedSettingsSchema = settingsSchema.omit({ adapters: true });
export const SETTINGS: Stored<z.output<typeof storedSettingsSchema>> = {
  key: 'settings',
  schema: storedSettingsSchema,
  fallback: storedSettingsSchema.parse({}),
  version: 2,
  // Version 1 held models of model format 1 (one age range): each is brought forward to format 2, pathways.
  migrations: { 2: upgradeSettingsModels },
};

/** The champion's adapters: each entry parsed on its own, so one that no longer parses leaves the others working. */
export const ADAPTERS: Stored<z.output<typeof adapterSchema>[]> = {
  key: 'adapters',
  schema: z.array(z.unknown()).transform((items) =>
    items.flatMap((item) => {
      const parsed = adapterSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }),
  ),
  fallback: [],
  version: 1,
  migrations: {},
};

const rememberedReferrerSchema = z.object({ name: z.string(), role: z.string(), odsCode: z.string() }).partial();
export type RememberedReferrer = z.output<typeof rememberedReferrerSchema>;
export const REFERRER: Stored<RememberedReferrer> = {
  key: 'referrer',
  schema: rememberedReferrerSchema,
  fallback: {},
  version: 1,
  migrations: {},
};

/** A draft as stored: when it was last saved, so that an abandoned one can be removed after the retention period. */
const storedDraftSchema = savedDraftSchema.extend({ savedAt: z.iso.datetime({ offset: true }) });
export type StoredDraft = z.output<typeof storedDraftSchema>;
const DRAFT_PREFIX = 'draft:';
/** A patient's draft: one per record key. */
export function DRAFT(recordKey: string): Stored<StoredDraft | undefined> {
  return {
    key: `${DRAFT_PREFIX}${recordKey}`,
    schema: storedDraftSchema.optional(),
    fallback: undefined,
    version: 2,
    // Version 1 had no savedAt: the draft counts as saved when it was started.
    migrations: { 2: (value) => ({ savedAt: (value as { startedAt?: unknown }).startedAt, ...(value as object) }) },
  };
}
export const isDraftKey = (key: string) => key.startsWith(DRAFT_PREFIX);

/** The practice's directory as last fetched (app/background/directory), kept for offline use however old. */
export const DIRECTORY: Stored<Directory | undefined> = {
  key: 'directory',
  schema: directorySchema.optional(),
  fallback: undefined,
  version: 1,
  migrations: {},
};

const directoryRefreshSchema = z.object({
  /** The queue endpoint the cached directory came from: another queue's directory is not this practice's. */
  from: z.string().optional(),
  /** The practice the token spoke for when it was fetched (its name goes on the champion's proposals). */
  practice: z.object({ odsCode: z.string(), name: z.string() }).optional(),
  /** The last attempt, and why it failed (absent when it worked). */
  triedAt: z.iso.datetime({ offset: true }),
  problem: z.string().optional(),
});
export type DirectoryRefresh = z.output<typeof directoryRefreshSchema>;
export const DIRECTORY_REFRESH: Stored<DirectoryRefresh | undefined> = {
  key: 'directory-refresh',
  schema: directoryRefreshSchema.optional(),
  fallback: undefined,
  version: 1,
  migrations: {},
};

const championSchema = z.object({ name: z.string(), role: z.string() }).partial();
export type RememberedChampion = z.output<typeof championSchema>;
export const CHAMPION: Stored<RememberedChampion> = {
  key: 'champion',
  schema: championSchema,
  fallback: {},
  version: 1,
  migrations: {},
};

export const UNREADABLE_PREFIX = 'unreadable-';

/**
 * Sets a value that did not parse aside, raw, for recovery (never overwritten; it expires with the drafts), and only
 * then frees its key. Returns where it was kept.
 */
export async function setAside(entry: Stored<unknown>, raw: unknown, at: Date): Promise<string> {
  const keptAs = `${UNREADABLE_PREFIX}${entry.key}@${at.toISOString()}`;
  await browser.storage.local.set({ [keptAs]: raw });
  await remove([entry.key]);
  return keptAs;
}

/** Every stored key and value, versions left out (for the retention sweep). */
export async function everything(): Promise<Record<string, unknown>> {
  const stored = await browser.storage.local.get(null);
  return Object.fromEntries(Object.entries(stored).filter(([key]) => !key.endsWith('$')));
}

export type Read<T> =
  | { status: 'ok'; value: T; stored: boolean }
  /** Stored but not parseable (after migration): the raw value and where it is wrong. */
  | { status: 'unreadable'; raw: unknown; where: string[] };

const versionKey = (key: string) => `${key}$`;

/** Reads a key, bringing an earlier version forward (and storing it so) before parsing it. */
export async function read<T>(entry: Stored<T>): Promise<Read<T>> {
  const { key } = entry;
  const stored = await browser.storage.local.get([key, versionKey(key)]);
  if (stored[key] === undefined) return { status: 'ok', value: entry.fallback, stored: false };
  const version = readVersion(stored[versionKey(key)]);
  let value = stored[key];
  if (version < entry.version) {
    for (let next = version + 1; next <= entry.version; next++) value = entry.migrations[next]?.(value) ?? value;
  }
  const parsed = parse(entry, value);
  if (parsed.status === 'ok' && version < entry.version) await write(entry, parsed.value);
  return parsed;
}

/** Parses a value of this version (e.g. a `storage.onChanged` new value); undefined is the fallback. */
export function parse<T>(entry: Stored<T>, value: unknown): Read<T> {
  if (value === undefined) return { status: 'ok', value: entry.fallback, stored: false };
  const parsed = entry.schema.safeParse(value);
  if (!parsed.success) return { status: 'unreadable', raw: value, where: parsed.error.issues.map(pathOf) };
  return { status: 'ok', value: parsed.data, stored: true };
}

/** The value to store for a key, checked against its schema, with its version (a bad value throws; nothing is stored). */
export function entryFor<T>(entry: Stored<T>, value: T): Record<string, unknown> {
  return { [entry.key]: entry.schema.parse(value), [versionKey(entry.key)]: { v: entry.version } };
}

/** Writes one or more keys at once (one `storage.local.set`, so a reader never sees half of a save). */
export async function write<T>(entry: Stored<T>, value: T): Promise<void> {
  await browser.storage.local.set(entryFor(entry, value));
}

export async function writeAll(entries: Record<string, unknown>[]): Promise<void> {
  await browser.storage.local.set(Object.assign({}, ...entries));
}

export async function remove(keys: string[]): Promise<void> {
  await browser.storage.local.remove(keys.flatMap((key) => [key, versionKey(key)]));
}

function readVersion(meta: unknown): number {
  const v = (meta as { v?: unknown } | undefined)?.v;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

function pathOf(issue: { path: PropertyKey[] }): string {
  return issue.path.join('.');
}
