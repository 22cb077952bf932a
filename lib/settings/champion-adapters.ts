import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { type Adapter, adapterSchema } from '../adapters/adapter';

/**
 * The page adapters a champion (or the organisation's policy) added, for the content script. Kept apart from the
 * settings store so the content script bundles only zod/mini. Each adapter is parsed on its own: a broken one is
 * skipped, the others still work. Policy adapters, when set and valid, replace the champion's own.
 */
export async function loadChampionAdapters(): Promise<Adapter[]> {
  const fromPolicy = await managedAdapters();
  if (fromPolicy) return fromPolicy;
  // The key the options page writes (lib/settings/store.ts) and the practice content script reads.
  return validAdapters((await browser.storage.local.get('adapters')).adapters);
}

async function managedAdapters(): Promise<Adapter[] | undefined> {
  try {
    const { adapters } = (await browser.storage.managed.get('adapters')) as { adapters?: unknown };
    if (adapters === undefined) return undefined;
    // As in the options page (lib/settings/managed.ts): a policy list with a bad adapter is not applied at all.
    const parsed = z.array(adapterSchema).safeParse(typeof adapters === 'string' ? JSON.parse(adapters) : adapters);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function validAdapters(list: unknown): Adapter[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const parsed = adapterSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
