import type { Page } from 'puppeteer-core';

/**
 * Types into the control a label names (its exact text), inside `scope` (a CSS selector), as a champion types it: the
 * label's `for` gives the control; puppeteer's fill clears it and types.
 */
export async function fillByLabel(page: Page, scope: string, label: string, value: string): Promise<void> {
  const id = await page.$$eval(
    `${scope} label`,
    (labels, text) => labels.find((found) => found.textContent?.trim() === text)?.getAttribute('for') ?? '',
    label,
  );
  if (!id) throw new Error(`No label “${label}” in ${scope}.`);
  await page.locator(`#${id.replace(/([^\w-])/g, '\\$1')}`).fill(value);
}

/**
 * The options page's adapter editor filled in, as a champion writes it, for the demo's other supplier's page
 * (demo/other-system: Orchard Clinical's banner) at `matches`. The same adapter as the Chromium tests'
 * (test-support/browser/options-browser.ts).
 */
export async function fillOrchardAdapter(options: Page, name: string, matches: string): Promise<void> {
  // A background tab paints no frames, and puppeteer's locators wait for a frame to see the control is stable.
  await options.bringToFront();
  await options.click('button::-p-text(Add a practice system)');
  await options.waitForSelector('.options-adapter-editor');
  const fill = (label: string, value: string) => fillByLabel(options, '.options-adapter-editor', label, value);
  await fill('Name of the practice system', name);
  await fill('Page addresses (URL match patterns)', matches);
  await fill('Patient banner (CSS selector)', '.oc-ident');
  const rules: [string, string, string][] = [
    ['Whole name (split into family and given)', 'CSS selector', 'strong'],
    ['NHS number', 'CSS selector', '[data-ident="nhs"]'],
    ['Date of birth', 'CSS selector', 'td:nth-child(2)'],
    ['Date of birth', 'regular expression', '(\\d{2}/\\d{2}/\\d{4})'],
    ['Sex', 'CSS selector', 'td:nth-child(3)'],
    ['Sex', 'regular expression', 'Sex\\s*(\\w+)'],
    ['Phone', 'CSS selector', 'td:nth-child(5)'],
    ['Phone', 'regular expression', '(0\\d{3} \\d{3} \\d{4})'],
    ['Postcode', 'CSS selector', 'td:nth-child(6)'],
    ['Postcode', 'regular expression', '([A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})\\s*$'],
  ];
  for (const [field, part, value] of rules) await fill(`${field}: ${part}`, value);
}
