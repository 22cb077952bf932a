import { browser } from 'wxt/browser';
import { applyManaged, type Managed, readManaged } from '../../../domain/settings/managed';
import { type Settings, settingsSchema } from '../../../domain/settings/settings';
import { ADAPTERS, entryFor, parse, read, SETTINGS, writeAll } from './registry';

/**
 * What enterprise policy sets for this extension, parsed once here (domain/settings/managed.ts) for every context that
 * needs it; nothing where the browser has no policy (Firefox then rejects).
 */
export async function loadManaged(): Promise<Managed> {
  try {
    return readManaged(await browser.storage.managed.get());
  } catch {
    return readManaged(undefined);
  }
}

/** The champion's own settings, as stored, without what policy sets. The options page edits these. */
export async function loadLocalSettings(): Promise<Settings> {
  const [settings, adapters] = await Promise.all([read(SETTINGS), read(ADAPTERS)]);
  return {
    ...(settings.status === 'ok' ? settings.value : untrusted(settings.where)),
    adapters: adapters.status === 'ok' ? adapters.value : [],
  };
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
  await writeAll([entryFor(SETTINGS, rest), entryFor(ADAPTERS, adapters)]);
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
    if (area === 'local' && (SETTINGS.key in changes || ADAPTERS.key in changes)) {
      // A change is written by this version of the code: parsed as it comes, no migration needed.
      const base = local ?? { ...SETTINGS.fallback, adapters: ADAPTERS.fallback };
      const settings = SETTINGS.key in changes ? parse(SETTINGS, changes[SETTINGS.key]?.newValue) : undefined;
      const adapters = ADAPTERS.key in changes ? parse(ADAPTERS, changes[ADAPTERS.key]?.newValue) : undefined;
      local = {
        ...(settings === undefined ? base : settings.status === 'ok' ? settings.value : untrusted(settings.where)),
        adapters: adapters === undefined ? base.adapters : adapters.status === 'ok' ? adapters.value : [],
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

function untrusted(where: string[]): Omit<Settings, 'adapters'> {
  console.warn('Stored settings did not parse; using defaults.', where);
  return SETTINGS.fallback;
}
