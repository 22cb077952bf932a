/**
 * The practice champion's adapters in the extension's local storage, for the options page: validated in full with
 * `adapterListSchema` on the way in and out. (The content script reads the same key with a light check, ./stored.ts.)
 */
import { browser } from 'wxt/browser';
import { type Adapter, adapterListSchema } from './adapter';
import { ADAPTERS_KEY } from './stored';

/** The champion's adapters; a stored list that no longer parses gives none (and says so in the console, without values). */
export async function loadChampionAdapters(): Promise<Adapter[]> {
  const stored = (await browser.storage.local.get(ADAPTERS_KEY))[ADAPTERS_KEY];
  if (stored === undefined) return [];
  const parsed = adapterListSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  console.warn(
    'Stored page adapters did not parse; none used.',
    parsed.error.issues.map((issue) => issue.path.join('.')),
  );
  return [];
}

/** Saves the champion's adapters, or throws a ZodError whose issues say where each one is wrong (nothing saved). */
export async function saveChampionAdapters(adapters: unknown): Promise<Adapter[]> {
  const valid = adapterListSchema.parse(adapters);
  await browser.storage.local.set({ [ADAPTERS_KEY]: valid });
  return valid;
}
