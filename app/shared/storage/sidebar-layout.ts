/**
 * The sidebar's layout on each practice system (by origin): the pad's width and the launcher's place on the right edge,
 * as the user left them. Only the content script reads and writes it, and it bundles no zod, so this key's schema is
 * checked by hand here (the key is in ./registry.ts's table). Stored with its version beside it (`<key>$`: `{ v }`),
 * as every key is.
 */
import { browser } from 'wxt/browser';

/** In CSS pixels; either may be absent (never moved: the defaults). */
export type SidebarLayout = { padWidth?: number; launcherTop?: number };

export const SIDEBAR_LAYOUT_VERSION = 1;
export const sidebarLayoutKey = (origin: string) => `sidebar-layout:${origin}`;

/** The schema, by hand: each size a whole number of pixels from 0 to 10,000; anything else is left out. */
export function parseSidebarLayout(value: unknown): SidebarLayout {
  const layout: SidebarLayout = {};
  if (typeof value !== 'object' || value === null) return layout;
  for (const name of ['padWidth', 'launcherTop'] as const) {
    const size = (value as Record<string, unknown>)[name];
    if (typeof size === 'number' && size >= 0 && size <= 10_000) layout[name] = Math.round(size);
  }
  return layout;
}

/** The layout remembered for this practice system; none (the defaults) when storage cannot be read. */
export async function loadSidebarLayout(origin: string): Promise<SidebarLayout> {
  const key = sidebarLayoutKey(origin);
  const stored: Record<string, unknown> = await browser.storage.local.get(key).catch(() => ({}));
  return parseSidebarLayout(stored[key]);
}

export async function saveSidebarLayout(origin: string, layout: SidebarLayout): Promise<void> {
  const key = sidebarLayoutKey(origin);
  await browser.storage.local.set({ [key]: parseSidebarLayout(layout), [`${key}$`]: { v: SIDEBAR_LAYOUT_VERSION } });
}
