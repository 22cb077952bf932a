import {
  directoryFor,
  keepFetchedDirectory,
  keepRefreshProblem,
  loadCachedDirectory,
} from '../../shared/storage/directory';
import { loadSettings } from '../../shared/storage/settings';
import { fetchDirectory } from './fetch-directory';

export type RefreshDeps = { fetch: Parameters<typeof fetchDirectory>[1]['fetch']; now: () => number };
export type RefreshResult = { ok: true } | { ok: false; message: string };

/**
 * Fetches the practice's directory from the queue in force and keeps it; when that fails, keeps the cached copy and
 * records why (the options page and the pad show it beside the copy's age).
 */
export async function refreshDirectory(deps: RefreshDeps): Promise<RefreshResult> {
  const { queue } = await loadSettings();
  const triedAt = new Date(deps.now()).toISOString();
  if (!queue) {
    const message = 'No queue is set, so there is no directory to fetch: set the endpoint and token under “Queue”.';
    await keepRefreshProblem(message, triedAt);
    return { ok: false, message };
  }
  const fetched = await fetchDirectory(queue, deps);
  if (fetched.ok) {
    await keepFetchedDirectory(fetched.directory, queue.endpoint, fetched.practice);
    return { ok: true };
  }
  const kept = directoryFor(await loadCachedDirectory(), queue.endpoint);
  const message = `${fetched.problem} ${kept ? 'The copy kept in this browser is still used.' : 'There is no copy of the directory in this browser yet.'}`;
  await keepRefreshProblem(message, triedAt);
  return { ok: false, message };
}
