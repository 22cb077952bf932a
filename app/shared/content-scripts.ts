import { browser } from 'wxt/browser';
import type { Adapter } from '../../domain/adapters/adapter';
import { loadSettings } from './storage/settings';

/** The practice content script as built (entrypoints/practice.content), registered for origins a champion adds. */
export const PRACTICE_SCRIPT = 'content-scripts/practice.js';
const PREFIX = 'champion-adapter-';

export type Registration = { id: string; matches: string[] };

/** The content-script registrations the adapters need: one per adapter, for its URL patterns. Pure. */
export function registrationsFor(adapters: readonly Adapter[]): Registration[] {
  return adapters.map((adapter) => ({ id: `${PREFIX}${adapter.id}`, matches: [...adapter.matches] }));
}

/** The origins to ask host permission for: "https://gp.example.nhs.uk/clinical/*" needs "https://gp.example.nhs.uk/*". */
export function originsFor(matches: readonly string[]): string[] {
  const origins = matches.map((pattern) => {
    if (pattern === '<all_urls>') return pattern;
    const match = /^([^:]+:\/\/[^/]*)\//.exec(pattern);
    return match ? `${match[1]}/*` : pattern;
  });
  return [...new Set(origins)];
}

/**
 * The sites of these adapters the browser has not allowed the extension on: the content script is registered for them
 * but runs there only once the user allows the site. A policy can set adapters but cannot grant that.
 */
export async function originsNotAllowed(adapters: readonly Adapter[]): Promise<string[]> {
  const origins = originsFor(adapters.flatMap((adapter) => adapter.matches));
  const allowed = await Promise.all(
    origins.map((origin) => browser.permissions.contains({ origins: [origin] }).catch(() => false)),
  );
  return origins.filter((_, index) => !allowed[index]);
}

/**
 * Makes the registered practice content scripts match the adapters: registers new ones, updates changed patterns,
 * removes those of deleted adapters. Gives the adapters the browser would not register (each with its reason), so the
 * page can say so; the others are registered all the same. The options page asks for each site's permission when the
 * champion saves the adapter.
 */
export async function syncContentScripts(adapters: readonly Adapter[]): Promise<string[]> {
  if (!browser.scripting?.registerContentScripts) return [];
  const wanted = registrationsFor(adapters);
  const existing = (await browser.scripting.getRegisteredContentScripts()).filter((script) =>
    script.id.startsWith(PREFIX),
  );
  const stale = existing.filter((script) => !wanted.some((registration) => registration.id === script.id));
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale.map((script) => script.id) });
  const problems: string[] = [];
  for (const [index, registration] of wanted.entries()) {
    const script = {
      id: registration.id,
      matches: registration.matches,
      js: [PRACTICE_SCRIPT],
      runAt: 'document_idle' as const,
      persistAcrossSessions: true,
    };
    try {
      if (existing.some((found) => found.id === registration.id)) {
        await browser.scripting.updateContentScripts([script]);
      } else {
        await browser.scripting.registerContentScripts([script]);
      }
    } catch (error) {
      problems.push(`${adapters[index]?.name ?? registration.id}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/**
 * At start-up and after install or update: registers the practice content script again for the adapters in force
 * (policy's or champion's). An update drops run-time registrations, and a policy can change while the browser is
 * closed. Idempotent: syncContentScripts updates what is there. Sites without a granted permission stay registered
 * but the browser injects nothing there until the champion grants it.
 */
export async function restoreContentScripts(): Promise<string[]> {
  return syncContentScripts((await loadSettings()).adapters);
}

/**
 * Gives back the sites the extension no longer needs: those allowed for an adapter tried and never saved, or since
 * removed, or for a queue no longer set. Needed are the adapters' and the queue's sites in force and the manifest's own.
 * Each site is given back on its own: the browser refuses to remove a required one, and that must not keep the others.
 */
export async function releaseSitesNotNeeded(): Promise<void> {
  if (!browser.permissions?.getAll) return;
  const settings = await loadSettings();
  const needed = new Set([
    ...originsFor(settings.adapters.flatMap((adapter) => adapter.matches)),
    ...(settings.queue ? originsFor([`${new URL(settings.queue.endpoint).origin}/`]) : []),
    ...(browser.runtime.getManifest().host_permissions ?? []),
  ]);
  const { origins = [] } = await browser.permissions.getAll();
  await Promise.all(
    origins
      .filter((origin) => !needed.has(origin))
      .map((origin) => browser.permissions.remove({ origins: [origin] }).catch(() => false)),
  );
}
