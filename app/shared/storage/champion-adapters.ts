/**
 * The practice champion's adapters in the extension's local storage, for the options page: validated in full with
 * `adapterListSchema` on the way in. (Everyone reads them, with the policy's, through loadChampionAdapters in ./stored.ts.)
 */
import { browser } from 'wxt/browser';
import { type Adapter, adapterListSchema } from '../../../domain/adapters/adapter';
import { ADAPTERS_KEY } from './adapters';

/** Saves the champion's adapters, or throws a ZodError whose issues say where each one is wrong (nothing saved). */
export async function saveChampionAdapters(adapters: unknown): Promise<Adapter[]> {
  const valid = adapterListSchema.parse(adapters);
  await browser.storage.local.set({ [ADAPTERS_KEY]: valid });
  return valid;
}
