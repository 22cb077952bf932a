import { browser } from 'wxt/browser';
import { z } from 'zod';
import { type Adapter, adapterSchema } from '../../../domain/adapters/adapter';
import { applyManaged, type Managed, readManaged } from '../../../domain/settings/managed';
import { type Settings, settingsSchema } from '../../../domain/settings/settings';

const KEY = 'settings';
/**
 * The champion's page adapters are stored under their own key, where the practice content script reads them
 * (app/shared/storage/adapters.ts on the practice branch: ADAPTERS_KEY = 'adapters'); everything else under 'settings'.
 */
export const ADAPTERS_KEY = 'adapters';

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
  const stored = await browser.storage.local.get([KEY, ADAPTERS_KEY]);
  return { ...parseStored(stored[KEY]), adapters: parseAdapters(stored[ADAPTERS_KEY]) };
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
  const { adapters, ...rest } = next;
  await browser.storage.local.set({ [KEY]: rest, [ADAPTERS_KEY]: adapters });
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
  const tell = () => {
    if (local && managed) onChange(applyManaged(local, managed.values));
    else void ready.then(() => onChange(applyManaged(local as Settings, (managed as Managed).values)));
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && (KEY in changes || ADAPTERS_KEY in changes)) {
      const base = local ?? settingsSchema.parse({});
      local = {
        ...(KEY in changes ? parseStored(changes[KEY]?.newValue) : base),
        adapters: ADAPTERS_KEY in changes ? parseAdapters(changes[ADAPTERS_KEY]?.newValue) : base.adapters,
      };
      tell();
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

/** Each stored adapter on its own: one that no longer parses is left out, the others still work. */
function parseAdapters(stored: unknown): Adapter[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item) => {
    const parsed = z.array(adapterSchema).safeParse([item]);
    return parsed.success ? parsed.data : [];
  });
}
