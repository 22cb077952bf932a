import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, launch, screenshotForDocs } from '../../test-support/browser/harness';
import {
  clearExtensionStorage,
  fillDateOfBirth,
  noSafetyConcernsAndConsent,
  outboxRows,
  seriousViolations,
  setExtensionStorage,
} from '../../test-support/browser/pad-browser';
import { BOUNDARIED } from './fixtures/models';

/**
 * The pad on its own (opened as an extension page, no practice system): what a referrer sees and does, with the real
 * criteria, the real extension storage and the real outbox in the built extension.
 */
let h: Harness;
let page: Page;

const REFERRER = { name: 'Dr Asha Patel', role: 'GP', odsCode: 'L81001' };
/** A queue nothing listens on (port 9, discard): these tests look at the pad; delivery is tested elsewhere. */
const QUEUE = { endpoint: 'http://127.0.0.1:9/fhir', token: 'practice-token' };

async function openPad(): Promise<void> {
  await page.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
  await page.getByRole('heading', { name: 'Patient' }).waitFor();
}

async function fillPatient(dateOfBirth: string): Promise<void> {
  await page.getByLabel('Given name', { exact: true }).fill('John');
  await page.getByLabel('Family name', { exact: true }).fill('Smith');
  await page.getByLabel('NHS number', { exact: true }).fill('943 476 5919');
  await fillDateOfBirth(page, dateOfBirth);
  await page.getByLabel('Sex', { exact: true }).selectOption('male');
  await page.getByLabel('Phone', { exact: true }).fill('07700 900123');
}

const sendButton = () => page.getByRole('button', { name: 'Send referral' });

beforeAll(async () => {
  h = await launch();
  // The side panel's page opened as a tab: the pad with no practice system beside it.
  page = await h.context.newPage();
});

afterAll(async () => {
  await h?.close();
});

beforeEach(async () => {
  await page.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
  await clearExtensionStorage(page);
});

describe('the pad, opened on its own', () => {
  it('says plainly when no agreed model is set, and does not allow Send', async () => {
    await openPad();
    await expect
      .poll(() => page.getByText('No agreed service model is set — ask your practice champion.').first().isVisible())
      .toBe(true);
    expect(await sendButton().isDisabled()).toBe(true);
  });

  it('shows a boundaried redirect with where to refer instead, and blocks Send until a reason is given', async () => {
    await setExtensionStorage(page, { settings: { model: BOUNDARIED, queue: QUEUE }, referrer: REFERRER });
    await openPad();
    await screenshotForDocs(page, 'pad-empty.png');

    await fillPatient('20 5 1986'); // 40 years old: under the model's 55
    await page.getByRole('button', { name: 'Loneliness or isolation' }).click();
    await noSafetyConcernsAndConsent(page);

    const verdict = page.locator('.pad-verdict');
    await verdict.getByText(/^Not for this service: refer to /).waitFor();
    expect(await verdict.textContent()).toContain('Bristol Wellbeing College (open to all ages)');
    expect(await verdict.textContent()).toContain(
      'Boundaried model, agreed by Dr R Khan (GP partner) and Bristol Community Connectors on 1 April 2026',
    );
    expect(await sendButton().isDisabled()).toBe(true);
    expect(await page.locator('#pad-send-reason').textContent()).toContain('outside the agreed model');
    await screenshotForDocs(page.locator('.pad-verdict'), 'pad-redirect.png');

    await page.getByLabel('Your reason to refer anyway').fill('Recently widowed, lives alone; no other group nearby.');
    await expect.poll(() => sendButton().isEnabled()).toBe(true);
  });

  it('never offers an override for a safety redirect', async () => {
    await setExtensionStorage(page, { settings: { model: BOUNDARIED, queue: QUEUE }, referrer: REFERRER });
    await openPad();
    await fillPatient('12 3 1950');
    await page.getByRole('button', { name: 'Loneliness or isolation' }).click();
    await page.getByRole('group', { name: 'Current suicidal thoughts or self-harm?' }).getByLabel('Yes').check();
    await page.getByRole('button', { name: 'No to the 4 unanswered questions' }).click();
    await page.getByLabel('The patient agrees to be referred to social prescribing').check();
    await page.getByLabel('The patient agrees to their details being shared with the service').check();
    const card = page.locator('.pad-card--critical');
    await card.waitFor();
    expect(await card.textContent()).toContain('NHS 111 option 2');
    expect(await page.getByLabel('Your reason to refer anyway').count()).toBe(0);
    expect(await sendButton().isDisabled()).toBe(true);
  });

  it('offers no reason box while a safety stop applies, even beside a card that could be overridden', async () => {
    await setExtensionStorage(page, { settings: { model: BOUNDARIED, queue: QUEUE }, referrer: REFERRER });
    await openPad();
    await fillPatient('20 5 1986'); // 40: under the model's 55, which alone could be overridden
    await page.getByRole('button', { name: 'Loneliness or isolation' }).click();
    await page.getByRole('group', { name: 'Current suicidal thoughts or self-harm?' }).getByLabel('Yes').check();
    await page.getByRole('button', { name: 'No to the 4 unanswered questions' }).click();
    await page.locator('.pad-card--critical').waitFor();
    expect(await page.locator('.pad-verdict__outcome').textContent()).toMatch(/^Cannot be sent: safety/);
    expect(await page.getByLabel('Your reason to refer anyway').count()).toBe(0);
    expect(await sendButton().isDisabled()).toBe(true);
  });

  it('sends a complete referral: the row is in the outbox before the pad says "Saved"', async () => {
    await setExtensionStorage(page, { settings: { model: BOUNDARIED, queue: QUEUE }, referrer: REFERRER });
    await openPad();
    await fillPatient('12 3 1950');
    await page.getByRole('button', { name: 'Loneliness or isolation' }).click();
    await page.getByRole('button', { name: 'Bereavement' }).click();
    await page.getByLabel(/^What matters to the patient/).fill('Getting back to the allotment');
    await noSafetyConcernsAndConsent(page);
    await expect.poll(() => sendButton().isEnabled()).toBe(true);
    await sendButton().click();

    await page.getByRole('heading', { name: /^Saved — will be sent to / }).waitFor();
    const reference = await page.locator('.pad-reference').textContent();
    const rows = await outboxRows(page);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.nhsNumber).toBe('9434765919');
    expect(rows[0]?.needs).toEqual(['loneliness', 'bereavement']);
    expect(reference).toBe(
      `SP-${rows[0]?.id.replace(/-/g, '').slice(0, 4).toUpperCase()}-${rows[0]?.id.replace(/-/g, '').slice(4, 8).toUpperCase()}`,
    );
    const entry = await page.getByLabel('For the clinical record').inputValue();
    expect(entry).toContain('Referral to social prescribing service (SNOMED CT 871731000000106)');
    expect(entry).toContain('Needs: Loneliness or isolation; Bereavement');
    expect(await page.locator('.pad-slip').textContent()).toContain(
      'A link worker will phone you within 5 working days',
    );
    await screenshotForDocs(page, 'pad-sent.png', true);

    // The sent draft is gone: a new pad starts empty but for the remembered referrer.
    await openPad();
    expect(await page.getByLabel('Given name', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Your name').inputValue()).toBe('Dr Asha Patel');
  });

  it('keeps a draft through a reload and through closing the pad', async () => {
    await setExtensionStorage(page, { settings: { model: BOUNDARIED, queue: QUEUE } });
    await openPad();
    await page.getByLabel('Given name', { exact: true }).fill('Mary');
    await page.getByRole('button', { name: 'Bereavement' }).click();
    await page.getByLabel(/^What matters to the patient/).fill('Someone to talk to');
    await page.getByLabel('Your name').fill('Nurse Jo Bloggs');
    await page.getByText('Draft saved in this browser').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Patient' }).waitFor();
    expect(await page.getByLabel('Given name', { exact: true }).inputValue()).toBe('Mary');
    expect(await page.getByRole('button', { name: 'Bereavement' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByLabel(/^What matters to the patient/).inputValue()).toBe('Someone to talk to');

    const again = await h.context.newPage();
    await page.close();
    page = again;
    await openPad();
    expect(await page.getByLabel('Given name', { exact: true }).inputValue()).toBe('Mary');
    expect(await page.getByLabel('Your name').inputValue()).toBe('Nurse Jo Bloggs');
  });

  it('has no serious or critical accessibility violation (axe-core), empty, redirected and sent', async () => {
    await setExtensionStorage(page, { settings: { model: BOUNDARIED, queue: QUEUE }, referrer: REFERRER });
    await openPad();
    // The main view with its Sent referrals open (the practice's list, its Today / This week switch).
    await page.locator('#pad-sent-panel summary').click();
    await expect.poll(() => page.locator('#pad-sent-panel').textContent()).not.toContain('Reading the outbox');
    expect(await seriousViolations(page)).toEqual([]);
    await fillPatient('20 5 1986');
    await page.getByRole('button', { name: 'Loneliness or isolation' }).click();
    await noSafetyConcernsAndConsent(page);
    await page.getByLabel('Your reason to refer anyway').fill('Recently widowed.');
    expect(await seriousViolations(page)).toEqual([]);
    await sendButton().click();
    await page.getByRole('heading', { name: /^Saved — will be sent to / }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
