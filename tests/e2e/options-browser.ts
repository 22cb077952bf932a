import { createHash } from 'node:crypto';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { padFrame, toggleByShortcut } from './harness';

/** The options page of the extension, opened in a tab wide enough for its two-column parts. */
export async function openOptions(context: BrowserContext, extensionId: string, page?: Page): Promise<Page> {
  const options = page ?? (await context.newPage());
  await options.setViewportSize({ width: 1100, height: 900 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Practice settings', exact: true }).waitFor();
  return options;
}

/** What the extension has stored as the champion's own settings (read from one of its pages). */
export async function storedSettings(page: Page): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(async () => {
    const chrome = (
      globalThis as unknown as {
        chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome;
    return (await chrome.storage.local.get('settings')).settings as Record<string, unknown> | undefined;
  });
}

/** Opens the sidebar pad on a practice-system page (the content script's shortcut) and gives the pad's frame. */
export async function openPadOnPage(page: Page): Promise<Frame> {
  await page.bringToFront();
  // The content script adds its host element and its shortcut listener together, once it has read the adapters.
  await page.waitForFunction(() => document.querySelector('social-prescribing-pad') !== null);
  await toggleByShortcut(page);
  const frame = await padFrame(page);
  await frame.getByRole('heading', { name: 'Patient' }).waitFor();
  return frame;
}

/** Chromium's id for an unpacked extension: the SHA-256 of its absolute path, first 32 hex digits written a–p. */
export function unpackedExtensionId(path: string): string {
  return [...createHash('sha256').update(path).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16)))
    .join('');
}
