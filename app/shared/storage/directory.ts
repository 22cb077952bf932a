import { browser } from 'wxt/browser';
import type { Directory } from '../../../domain/service/directory';
import {
  CHAMPION,
  DIRECTORY,
  DIRECTORY_REFRESH,
  type DirectoryRefresh,
  entryFor,
  type RememberedChampion,
  read,
  write,
  writeAll,
} from './registry';

export type { DirectoryRefresh, RememberedChampion } from './registry';

/** The practice's directory as kept in this browser: the last one fetched, and how the last refresh went. */
export type CachedDirectory = { directory?: Directory; refresh?: DirectoryRefresh };

/** A cached directory older than this is called out with its age (options page, pad). */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export function isStale(directory: Pick<Directory, 'fetchedAt'>, now: number): boolean {
  return now - Date.parse(directory.fetchedAt) > STALE_AFTER_MS;
}

/**
 * The directory to use with the queue in force: the cached one only when it came from that endpoint (a champion who
 * points the extension at another queue has no directory there until it is fetched).
 */
export function directoryFor(cached: CachedDirectory, endpoint: string | undefined): Directory | undefined {
  return endpoint !== undefined && cached.refresh?.from === endpoint ? cached.directory : undefined;
}

/** Reads the cached directory and the last refresh; a value that does not parse is treated as none (fetched again). */
export async function loadCachedDirectory(): Promise<CachedDirectory> {
  const [directory, refresh] = await Promise.all([read(DIRECTORY), read(DIRECTORY_REFRESH)]);
  return {
    directory: directory.status === 'ok' ? directory.value : undefined,
    refresh: refresh.status === 'ok' ? refresh.value : undefined,
  };
}

/** Keeps a directory just fetched, with where it came from (one write: a reader never sees half). */
export async function keepFetchedDirectory(
  directory: Directory,
  from: string,
  practice: { odsCode: string; name: string },
): Promise<void> {
  const refresh: DirectoryRefresh = { from, practice, triedAt: directory.fetchedAt };
  await writeAll([entryFor(DIRECTORY, directory), entryFor(DIRECTORY_REFRESH, refresh)]);
}

/** Records a refresh that failed, and why; the cached directory stays as it was. */
export async function keepRefreshProblem(problem: string, triedAt: string): Promise<void> {
  const earlier = await read(DIRECTORY_REFRESH);
  const kept = earlier.status === 'ok' ? earlier.value : undefined;
  await write(DIRECTORY_REFRESH, { ...kept, triedAt, problem });
}

/** Calls back with the cached directory whenever the background keeps a new one or a refresh fails. */
export function watchCachedDirectory(onChange: (cached: CachedDirectory) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (DIRECTORY.key in changes || DIRECTORY_REFRESH.key in changes)) {
      void loadCachedDirectory().then(onChange);
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export async function loadChampion(): Promise<RememberedChampion> {
  const stored = await read(CHAMPION);
  return stored.status === 'ok' ? stored.value : CHAMPION.fallback;
}

export async function rememberChampion(champion: RememberedChampion): Promise<void> {
  await write(CHAMPION, champion);
}
