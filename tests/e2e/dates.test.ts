import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  choosePatient,
  type Harness,
  launch,
  openDemo,
  openExtensionPage,
  padFrame,
  toggleByShortcut,
} from '../../test-support/browser/harness';
import {
  clearExtensionStorage,
  dateOfBirthIn,
  noSafetyConcernsAndConsent,
  setExtensionStorage,
} from '../../test-support/browser/pad-browser';
import { BOUNDARIED } from './fixtures/models';

/**
 * Dates in a browser set to US English, where the browser's own date field and toLocaleDateString show 3 September
 * 1992 as 9/3/1992 — 9 March to a UK reader. The pad shows every date the NHS way, whatever the browser's locale.
 */
let h: Harness;
const REFERRER = { name: 'Dr Asha Patel', role: 'GP', odsCode: 'L81001' };
/** A queue nothing listens on (port 9, discard): the referral waits in the outbox; the pad still shows what was sent. */
const QUEUE = { endpoint: 'http://127.0.0.1:9/fhir', token: 'practice-token' };
/** A day and month as digits separated by a slash or dot: a form a locale decides the order of. */
const NUMERIC_DATE = /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/;

async function openPadFor(family: string, path = ''): Promise<{ page: Page; pad: Frame }> {
  const settingsPage = await openExtensionPage(h, 'sidepanel.html');
  await clearExtensionStorage(settingsPage);
  await setExtensionStorage(settingsPage, { settings: { model: BOUNDARIED, queue: QUEUE }, referrer: REFERRER });
  await settingsPage.close();
  const page = await openDemo(h, path);
  if (family) await choosePatient(page, family);
  await toggleByShortcut(page);
  const pad = await padFrame(page);
  // Attached, not shown: a patient whose details are all from the record is one line until "edit".
  await pad.locator('#pad-patient-given').waitFor({ state: 'attached' });
  return { page, pad };
}

/** Everything the pad shows as text, and every value in its boxes. */
async function everythingShown(pad: Frame): Promise<string> {
  return pad.evaluate(() => {
    const values = Array.from(document.querySelectorAll('input, textarea'), (box) => (box as HTMLInputElement).value);
    return [document.body.innerText, ...values].join('\n');
  });
}

beforeAll(async () => {
  h = await launch({ args: ['--lang=en-US'] });
});

afterAll(async () => {
  await h?.close();
});

describe('dates in a browser set to US English', () => {
  it('is a US-English browser: its own date format puts the month first', async () => {
    const { page, pad } = await openPadFor('');
    const locale = await pad.evaluate(() => ({
      language: navigator.language,
      shown: new Date(Date.UTC(1992, 8, 3, 12)).toLocaleDateString(),
    }));
    expect(locale).toEqual({ language: 'en-US', shown: '9/3/1992' });
    await page.close();
  });

  it('shows Adaeze OKAFOR’s date of birth, 03-Sep-1992 in the record, as 3 September 1992 in the pad and the record entry', async () => {
    const { page, pad } = await openPadFor('OKAFOR');
    await expect.poll(() => dateOfBirthIn(pad)).toBe('3 9 1992');
    expect(await pad.locator('#pad-patient-dateOfBirth-read').textContent()).toMatch(/^3 September 1992, aged \d+$/);
    expect(await pad.locator('#pad-patient-dateOfBirth-source').textContent()).toBe('from the record');
    expect(await pad.locator('input[type="date"]').count()).toBe(0);
    expect(await pad.locator('#pad-patient-line').textContent()).toContain('Adaeze OKAFOR · 999 001 2342 · 3 Sep 1992');

    await pad.getByRole('button', { name: 'Loneliness or isolation' }).click();
    await noSafetyConcernsAndConsent(pad);
    // Out of the model's ages (55 and over): the referrer gives a reason to refer anyway.
    await pad.getByLabel('Your reason to refer anyway').waitFor();
    expect(await everythingShown(pad)).not.toMatch(NUMERIC_DATE);

    await pad.getByLabel('Your reason to refer anyway').fill('Isolated since losing work; no younger group nearby.');
    const send = pad.getByRole('button', { name: 'Send referral' });
    await expect.poll(() => send.isEnabled()).toBe(true);
    await send.click();
    await pad.getByRole('heading', { name: /^Saved — will be sent to / }).waitFor();
    const entry = await pad.locator('#pad-record-entry').inputValue();
    expect(entry).toContain('Patient: Adaeze OKAFOR, NHS No. 999 001 2342, born 3 Sep 1992');
    expect(entry).toMatch(/^Date: \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/m);
    expect(await everythingShown(pad)).not.toMatch(NUMERIC_DATE);
    await page.close();
  });

  it('says what it could not read of a date of birth the record prints, and asks for it', async () => {
    // The demo system's banner, with a date of birth smudged in the record (served on the demo's own origin).
    await h.context.route('**/smudged/', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Consultation</title><div class="mw-pbanner">
          <span class="mw-pname">SMITH, John (Mr)</span>
          <div class="mw-kv"><span class="mw-k">Born</span> <span class="mw-v">12-Mar-50??</span></div>
          <div class="mw-kv"><span class="mw-k">Gender</span> <span class="mw-v">Male</span></div>
          <div class="mw-kv"><span class="mw-k">NHS No.</span> <span class="mw-v"><b>943 476 5919</b></span></div>
          <div class="mw-kv"><span class="mw-k">Address</span> <span class="mw-v">18 Soundwell Road, Bristol, BS16 4QG</span></div>
        </div>`,
      }),
    );
    const { page, pad } = await openPadFor('', 'smudged/');
    const source = pad.locator('#pad-patient-dateOfBirth-source');
    await expect.poll(() => source.textContent()).toBe('Could not read from the record: ‘12-Mar-50??’');
    expect(await dateOfBirthIn(pad)).toBe('  ');
    expect(await pad.locator('.pad-verdict').textContent()).toContain('Date of birth is missing.');
    expect(await pad.getByRole('group', { name: /^Date of birth/ }).textContent()).not.toContain('from the record ');

    const group = pad.getByRole('group', { name: /^Date of birth/ });
    await group.getByLabel('Day', { exact: true }).fill('12');
    await group.getByLabel('Month', { exact: true }).fill('3');
    await group.getByLabel('Year', { exact: true }).fill('1950');
    await expect.poll(() => source.textContent()).toBe('typed');
    expect(await pad.locator('#pad-patient-dateOfBirth-read').textContent()).toMatch(/^12 March 1950, aged \d+$/);
    expect(await pad.locator('.pad-verdict').textContent()).not.toContain('Date of birth is missing.');
    await page.close();
  });
});
