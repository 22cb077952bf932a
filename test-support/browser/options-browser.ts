import { createHash } from 'node:crypto';
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { padFrame, toggleByShortcut } from './harness';
import { dateOfBirthIn } from './pad-browser';

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

/**
 * Fills the options page's adapter editor, as a champion types it, with an adapter for the demo's other supplier's page
 * (demo/other-system: Orchard Clinical's banner). Gives the editor, for a live test before saving.
 */
export async function fillOrchardAdapter(options: Page, name: string, matches: string): Promise<Locator> {
  await options.bringToFront();
  await options.getByRole('button', { name: 'Add a practice system' }).click();
  const editor = options.locator('.options-adapter-editor');
  await editor.getByLabel('Name of the practice system').fill(name);
  await editor.getByLabel('Page addresses (URL match patterns)').fill(matches);
  await editor.getByLabel('Patient banner (CSS selector)').fill('.oc-ident');
  const rule = async (field: string, part: string, value: string) =>
    editor.getByLabel(`${field}: ${part}`, { exact: true }).fill(value);
  await rule('Whole name (split into family and given)', 'CSS selector', 'strong');
  await rule('NHS number', 'CSS selector', '[data-ident="nhs"]');
  await rule('Date of birth', 'CSS selector', 'td:nth-child(2)');
  await rule('Date of birth', 'regular expression', '(\\d{2}/\\d{2}/\\d{4})');
  await rule('Sex', 'CSS selector', 'td:nth-child(3)');
  await rule('Sex', 'regular expression', 'Sex\\s*(\\w+)');
  await rule('Phone', 'CSS selector', 'td:nth-child(5)');
  await rule('Phone', 'regular expression', '(0\\d{3} \\d{3} \\d{4})');
  await rule('Postcode', 'CSS selector', 'td:nth-child(6)');
  await rule('Postcode', 'regular expression', '([A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})\\s*$');
  return editor;
}

/** Saves the adapter in the editor (the browser is asked for the site's permission in that click) and waits for "saved". */
export async function saveAdapter(options: Page, name: string): Promise<void> {
  await options.locator('.options-adapter-editor').getByRole('button', { name: 'Save adapter' }).click();
  await options.getByText(`“${name}” is saved.`).waitFor();
}

/** The content scripts the extension has registered at run time (read from one of its pages). */
export async function registeredContentScripts(page: Page): Promise<{ id: string; matches: string[]; js: string[] }[]> {
  return page.evaluate(async () => {
    const chrome = (
      globalThis as unknown as {
        chrome: {
          scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches: string[]; js: string[] }[]> };
        };
      }
    ).chrome;
    return chrome.scripting.getRegisteredContentScripts();
  });
}

/** Eleanor Marsh, on demo/other-system's banner, as the pad holds her once pre-filled by an Orchard adapter. */
export const ORCHARD_PATIENT_IN_PAD = {
  nhsNumber: '485 777 3457',
  family: 'Marsh',
  given: 'Eleanor',
  dateOfBirth: '7 2 1958',
  postcode: 'BS8 2XY',
};

/** The patient as the pad shows it, once it has been pre-filled (its NHS number is no longer empty). */
export async function patientInPad(pad: Frame) {
  const value = (label: string) => pad.getByLabel(label, { exact: true }).inputValue();
  await expect.poll(() => value('NHS number')).not.toBe('');
  return {
    nhsNumber: await value('NHS number'),
    family: await value('Family name'),
    given: await value('Given name'),
    dateOfBirth: await dateOfBirthIn(pad),
    postcode: await value('Postcode'),
  };
}
