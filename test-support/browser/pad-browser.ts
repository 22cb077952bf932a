/** What the pad's real-browser tests read and write inside the extension: its storage, its outbox, axe-core. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { readOutboxInPage } from './read-outbox';

type OutboxRow = { id: string; status: string; nhsNumber?: string; needs: string[] };

/** The extension API as seen from inside one of its pages (page.evaluate runs there, not in Node). */
type ChromeStorage = { chrome: { storage: { local: { set(items: object): Promise<void>; clear(): Promise<void> } } } };

/** Writes to the extension's local storage from one of its pages (the pad reads settings and drafts from there). */
export async function setExtensionStorage(page: Page, items: Record<string, unknown>): Promise<void> {
  await page.evaluate((values) => (globalThis as unknown as ChromeStorage).chrome.storage.local.set(values), items);
}

export async function clearExtensionStorage(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as ChromeStorage).chrome.storage.local.clear());
}

/** The outbox rows as stored in the extension's IndexedDB (read from one of its pages). */
export async function outboxRows(page: Page): Promise<OutboxRow[]> {
  return page.evaluate(readOutboxInPage<OutboxRow>);
}

/** A date's group by its legend: its day, month and year boxes (the NHS date input). */
const dateBoxes = (page: Page | Frame, legend: RegExp) => {
  const group = page.getByRole('group', { name: legend });
  return ['Day', 'Month', 'Year'].map((label) => group.getByLabel(label, { exact: true }));
};

/** Types a date into the group with this legend as a person does, day first: "12 3 1950". */
export async function fillDate(page: Page | Frame, legend: RegExp, dayMonthYear: string): Promise<void> {
  const parts = dayMonthYear.split(' ');
  for (const [index, box] of dateBoxes(page, legend).entries()) await box.fill(parts[index] ?? '');
}

/** The pad's date of birth as its boxes hold it, day month year: "14 6 1954". */
export async function dateOfBirthIn(pad: Page | Frame): Promise<string> {
  return (await Promise.all(dateBoxes(pad, /^Date of birth/).map((box) => box.inputValue()))).join(' ');
}

/** Types a date of birth as a person does, day first: "12 3 1950". */
export async function fillDateOfBirth(pad: Page | Frame, dayMonthYear: string): Promise<void> {
  await fillDate(pad, /^Date of birth/, dayMonthYear);
}

/** What a GP does last before Send: no to all five safety questions, and both of the patient's consents ticked. */
export async function noSafetyConcernsAndConsent(pad: Page | Frame): Promise<void> {
  await pad.getByRole('button', { name: 'No to all five safety questions' }).click();
  await pad.getByLabel('The patient agrees to be referred to social prescribing').check();
  await pad.getByLabel('The patient agrees to their details being shared with the service').check();
}

/** Runs axe-core (from node_modules) in the page and gives the serious and critical violations. */
export async function seriousViolations(
  page: Page | Frame,
): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  // Evaluated through the DevTools protocol: an inline <script> would be refused by the extension page's CSP.
  await page.evaluate(readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const { violations } = await axe.run();
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        nodes: violation.nodes.map((node) => node.target.join(' ')),
      }));
  });
}

/** Opens the patient's fields where the pad shows the patient from the record as one line ("edit"). */
export async function editPatient(pad: Page | Frame): Promise<void> {
  const edit = pad.getByRole('button', { name: 'edit the patient’s details' });
  await edit.click();
  await pad.getByLabel('NHS number', { exact: true }).waitFor();
}
