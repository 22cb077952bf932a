import { browser } from 'wxt/browser';
import { type Settings, settingsSchema } from './settings';

const KEY = 'settings';

/**
 * The settings as stored in the extension's local storage, parsed at this boundary. A stored value that no longer
 * parses (an older, broken write) is not trusted: the defaults are used and the problem is logged without any values.
 */
export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return parseStored(stored);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** Calls back with the new settings whenever they change (e.g. the champion saves a model while the pad is open). */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) onChange(parseStored(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

function parseStored(stored: unknown): Settings {
  const parsed = settingsSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  console.warn(
    'Stored settings did not parse; using defaults.',
    parsed.error.issues.map((issue) => issue.path.join('.')),
  );
  return settingsSchema.parse({});
}
