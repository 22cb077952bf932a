import type { Adapter } from '../domain/adapters/adapter';
import { readAdapterFields } from '../domain/adapters/read-patient';

/**
 * Injected by the options page into a tab the champion chooses (scripting.executeScript, in the extension's isolated
 * world) so that an adapter being edited can be tried on a real practice-system page. Only defines the reader; the
 * options page then calls it with the adapter as an argument. It reads, never changes the page, and sends nothing.
 */
export default defineUnlistedScript(() => {
  (globalThis as { socialPrescribingPadReadFields?: unknown }).socialPrescribingPadReadFields = (adapter: Adapter) =>
    readAdapterFields(adapter, document);
});
