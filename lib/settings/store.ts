import { browser } from 'wxt/browser';
import { applyManaged, type Managed, readManaged } from './managed';
import { type Settings, settingsSchema } from './settings';

const KEY = 'settings';

/** What enterprise policy sets for this extension; nothing where the browser has no policy (Firefox then rejects). */
export async function loadManaged(): Promise<Managed> {
  try {
    return readManaged(await browser.storage.managed.get());
  } catch {
    return readManaged(undefined);
  }
}

/** The champion's own settings, as stored, without what policy sets. The options page edits these. */
export async function loadLocalSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return parseStored(stored);
}

/**
 * The settings in force: the champion's own, parsed at this boundary, with the organisation's policy values winning.
 * A stored value that no longer parses (an older, broken write) is not trusted: the defaults are used and the problem
 * is logged without any values.
 */
export async function loadSettings(): Promise<Settings> {
  const [local, managed] = await Promise.all([loadLocalSettings(), loadManaged()]);
  return applyManaged(local, managed.values);
}

/** Saves the champion's own settings (policy values are not stored here). Invalid settings throw and nothing changes. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await loadLocalSettings()), ...patch });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/**
 * Calls back with the settings in force whenever they change (e.g. the champion saves a model while the pad is open,
 * or the organisation's policy changes).
 */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  let local: Settings | undefined;
  let managed: Managed | undefined;
  const ready = Promise.all([loadLocalSettings(), loadManaged()]).then(([l, m]) => {
    local ??= l;
    managed ??= m;
  });
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) {
      local = parseStored(changes[KEY]?.newValue);
      if (managed) onChange(applyManaged(local, managed.values));
      else void ready.then(() => onChange(applyManaged(local as Settings, (managed as Managed).values)));
    } else if (area === 'managed') {
      void loadManaged().then((next) => {
        managed = next;
        if (local) onChange(applyManaged(local, next.values));
      });
    }
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
