import { type Browser, chromium, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  type Harness,
  launch,
  openDemo,
  openExtensionPage,
  padFrame,
  toggleByShortcut,
} from '../../test-support/browser/harness';
import { setExtensionStorage } from '../../test-support/browser/pad-browser';
import { LINK_WORKER, type Queue, startQueue } from '../../test-support/queue/queue';
import { BOUNDARIED } from './fixtures/models';

/**
 * The whole feedback loop in real browsers: a GP sends a referral from the pad beside the demo practice system to the
 * real queue service; a link worker, in a browser of their own, signs in to the inbox, sees what the GP sent and
 * declines it with a reason; the GP opens the pad again and reads "Declined" with that reason. Nothing here reads or
 * writes the outbox: each side sees only its own screen.
 */
let queue: Queue;
let gp: Harness;
let linkWorkerBrowser: Browser;

beforeAll(async () => {
  queue = await startQueue('pglite');
  gp = await launch();
  linkWorkerBrowser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  await championSets(queue.tokens.L81001);
});

/** The practice champion's settings: the agreed model and this practice's queue with the given token. */
async function championSets(token: string): Promise<void> {
  const settingsPage = await openExtensionPage(gp, 'pad.html');
  await setExtensionStorage(settingsPage, {
    settings: { model: BOUNDARIED, queue: { endpoint: `${queue.url}/fhir`, token } },
    referrer: { name: 'Dr Asha Patel', role: 'GP', odsCode: 'L81001' },
  });
  await settingsPage.close();
}

/** The GP's pad beside a new consultation screen, opened by the shortcut, the first patient pre-filled. */
async function openPadInConsultation(): Promise<{ consultation: Page; pad: Frame }> {
  const consultation = await openDemo(gp);
  await toggleByShortcut(consultation);
  const pad = await padFrame(consultation);
  await expect.poll(() => pad.getByLabel('Given name', { exact: true }).inputValue()).toBe('John');
  return { consultation, pad };
}

/** Needs, safety questions, consents, Send, as a GP does; gives the reference the pad shows once it says "Saved". */
async function referFromPad(pad: Frame, needs: string[]): Promise<string> {
  for (const need of needs) await pad.getByRole('button', { name: need }).click();
  await pad.getByRole('button', { name: 'No to all five safety questions' }).click();
  await pad.getByLabel('The patient agrees to be referred to social prescribing').check();
  await pad.getByLabel('The patient agrees to their details being shared with the service').check();
  await pad.getByRole('button', { name: 'Send referral' }).click();
  await pad.getByRole('heading', { name: /^Saved — will be sent to / }).waitFor();
  const reference = (await pad.locator('.pad-reference').textContent()) ?? '';
  expect(reference).toMatch(/^SP-[0-9A-F]{4}-[0-9A-F]{4}$/);
  return reference;
}

afterAll(async () => {
  await linkWorkerBrowser?.close();
  await gp?.close();
  await queue?.stop();
});

/** The GP's "This patient" entry for one reference, as the pad shows it (found by CSS: also while the pad is closed). */
const sentItem = (pad: Frame, reference: string) =>
  pad.locator('section[aria-labelledby="pad-sent-this-patient"] .pad-sent-item', { hasText: reference });

async function signInToInbox(): Promise<Page> {
  const page = await (await linkWorkerBrowser.newContext()).newPage();
  await page.goto(`${queue.url}/inbox`);
  await page.getByLabel('Username').fill(LINK_WORKER.username);
  await page.getByLabel('Password').fill(LINK_WORKER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('table').waitFor();
  return page;
}

describe('the referrer hears back', () => {
  it('a referral sent from the pad, declined in the inbox with a reason, shows on the pad as Declined with it', async () => {
    // The GP, in the consultation: the pad opened by the shortcut, the patient pre-filled from the record.
    const { consultation, pad } = await openPadInConsultation();
    await pad.getByLabel(/^What matters to the patient/).fill('Getting back to the bowls club');
    const sentAt = Date.now();
    const reference = await referFromPad(pad, ['Loneliness or isolation', 'Bereavement']);

    // The pad's own list follows the background's outbox until the queue has it.
    await expect
      .poll(() => sentItem(pad, reference).textContent(), { timeout: 20_000 })
      .toContain('Delivered — awaiting the link worker');
    expect(await sentItem(pad, reference).textContent()).toContain('Loneliness or isolation, Bereavement');
    // The GP closes the pad and gets on with the consultation.
    await toggleByShortcut(consultation);

    // The link worker, in their own browser: the referral as the GP sent it.
    const inbox = await signInToInbox();
    // Found by the reference the GP's pad showed: the one thing both can quote on the phone.
    const row = inbox.getByRole('row').filter({ hasText: reference });
    await row.waitFor();
    expect(await row.getByRole('link').textContent()).toBe('John SMITH');
    const cells = await row.locator('td').allTextContents();
    expect(cells[1]).toBe(reference);
    expect(cells[2]).toContain('NHS 943 476 5919');
    expect(cells[3]).toBe('Riverside Surgery');
    expect(cells[4]).toBe('Loneliness or isolation, Bereavement');
    expect(await row.getByRole('list', { name: 'Safety flags' }).count()).toBe(0);
    expect(cells[6]).toBe('In the agreed model');
    await row.getByRole('link').click();
    await inbox.getByRole('heading', { name: 'Your decision' }).waitFor();
    expect(await inbox.locator('main').textContent()).toContain('Getting back to the bowls club');
    const referrer = inbox.locator('h2:text-is("Referrer") + dl');
    expect(await referrer.locator('.summary-row', { hasText: 'Reference' }).locator('dd').textContent()).toBe(
      reference,
    );

    const reason = 'He already goes to the Cotham befriending group, which has the same offer.';
    await inbox.getByRole('radio', { name: 'Decline' }).check();
    await inbox.getByLabel('Reason (needed to decline)').fill(reason);
    await inbox.getByRole('button', { name: 'Save decision' }).click();
    await inbox.getByText('Saved: Declined. The referrer is told.').waitFor();

    // Until the GP looks again, their closed pad has not been told: the background's own first poll of the Task is
    // 30 s after delivery (later than Send). On a machine so loaded that this point comes later, it may have polled.
    if (Date.now() - sentAt < 30_000) {
      expect(await sentItem(pad, reference).textContent()).toContain('Delivered — awaiting the link worker');
    }

    // The GP opens the pad again: it asks for the latest statuses and shows the decision with the link worker's reason.
    await toggleByShortcut(consultation);
    await expect
      .poll(() => sentItem(pad, reference).textContent(), { timeout: 15_000 })
      .toContain(`Declined: ${reason}`);
    expect(await pad.locator('.pad-live-status').textContent()).toBe(`Status: Declined: ${reason}`);
    await consultation.close();
  });

  it('a referral the queue refused shows on the pad as needing attention, and Send again delivers it once fixed', async () => {
    await championSets('not-the-practice-token');
    const { consultation, pad } = await openPadInConsultation();
    const reference = await referFromPad(pad, ['Physical activity']);
    await expect
      .poll(() => sentItem(pad, reference).textContent(), { timeout: 20_000 })
      .toContain('Needs attention: The queue service refused the referral (HTTP 401)');
    expect(await sentItem(pad, reference).textContent()).toContain('The practice token is not known');

    // The champion puts the right token in; the GP presses Send again in the framed pad.
    await championSets(queue.tokens.L81001);
    await pad
      .getByRole('region', { name: 'This patient' })
      .getByRole('button', { name: `Send ${reference} again` })
      .click();
    await expect
      .poll(() => sentItem(pad, reference).textContent(), { timeout: 20_000 })
      .toContain('Delivered — awaiting the link worker');
    expect(await pad.getByRole('button', { name: `Send ${reference} again` }).count()).toBe(0);
    await consultation.close();
  });
});
