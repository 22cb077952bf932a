import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type fhir4, linkWorkerStatus } from '../../domain/fhir';
import { referralReference, referralSchema } from '../../domain/referral';
import { richReferral } from '../../test-support/fixtures/referrals';
import { storeManyReferrals } from '../../test-support/queue/many-referrals';
import { LINK_WORKER, type Queue, readTask, send, startQueue } from '../../test-support/queue/queue';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious or critical accessibility failures on the page, by axe-core's rules (WCAG 2.1 AA). */
async function accessibilityFailures(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
}

describe('the link worker’s inbox in a real browser', () => {
  let queue: Queue;
  let browser: Browser;
  beforeAll(async () => {
    queue = await startQueue('pglite');
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await queue?.stop();
  });

  it('signs in, shows the referral as the extension sent it, declines it with a reason, and the referrer’s Task says so', async () => {
    // Exactly what the extension's outbox sends: domain/fhir's Bundle with the referral's id as the Idempotency-Key.
    const referral = referralSchema.parse({ ...richReferral, id: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee' });
    expect((await send(queue, referral)).status).toBe(200);

    // axe-core is injected as a script, which the inbox's CSP (rightly) forbids: this context bypasses it for the check.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${queue.url}/inbox`);
    await expect.poll(() => page.url()).toBe(`${queue.url}/inbox/login`);
    await page.getByLabel('Username').fill(LINK_WORKER.username);
    await page.getByLabel('Password').fill(LINK_WORKER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const row = page.locator(`tr[data-referral="${referral.id}"]`);
    await row.waitFor();
    expect(await row.getByRole('link').textContent()).toBe('Margaret Ann O’Neill-Smith');
    // The reference the GP's pad shows for this referral, for both to quote on the phone.
    expect(await row.locator('td.reference').textContent()).toBe('SP-EEEE-EEEE');
    expect(await row.textContent()).toContain('NHS 943 476 5919');
    expect(await row.getByRole('list', { name: 'Safety flags' }).textContent()).toBe(
      'Safeguarding concern (including domestic abuse)',
    );
    expect(await row.locator('.tag-yellow').textContent()).toBe('In the agreed model, with points for the link worker');
    expect(await row.textContent()).toContain('Loneliness or isolation, Bereavement, Money and debt');
    expect(await accessibilityFailures(page)).toEqual([]);

    await page.getByLabel('Need').selectOption('housing');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('No referrals match.').waitFor();
    await page.getByLabel('Need').selectOption('bereavement');
    await page.getByRole('button', { name: 'Filter' }).click();
    await row.getByRole('link').click();

    await page.getByRole('heading', { name: 'Your decision' }).waitFor();
    expect(await page.locator('.summary').first().textContent()).toContain('safety.safeguarding');
    expect(await page.locator('.summary-row', { hasText: 'Reference' }).locator('dd').textContent()).toBe(
      'SP-EEEE-EEEE',
    );
    expect(await accessibilityFailures(page)).toEqual([]);
    await page.getByRole('radio', { name: 'Decline' }).check();
    await page.getByRole('button', { name: 'Save decision' }).click();
    await page.getByText('Say why the referral is declined: the referrer is told.').first().waitFor();

    const reason = 'She is already supported by the bereavement service at the hospice.';
    await page.getByRole('radio', { name: 'Decline' }).check();
    await page.getByLabel('Reason (needed to decline)').fill(reason);
    await page.getByLabel('Note for the referrer').fill('Spoke to her daughter; happy to take a new referral later.');
    await page.getByRole('button', { name: 'Save decision' }).click();
    await page.getByText('Saved: Declined. The referrer is told.').waitFor();
    // The timeline, oldest first: the referral's arrival, then the decision with who made it and why.
    const timeline = page.locator('ol.timeline li');
    expect(await timeline.first().textContent()).toContain('Referral received');
    expect(await timeline.last().textContent()).toContain(`Declined — ${LINK_WORKER.displayName}`);
    expect(await timeline.last().textContent()).toContain(`Reason: ${reason}`);

    // The referrer's side: the practice's token reads the Task, as the extension's status poll does.
    const task = (await (await readTask(queue, referral.id, queue.tokens.L81001)).json()) as fhir4.Task;
    expect(linkWorkerStatus(task)).toMatchObject({
      ok: true,
      status: { status: 'declined', reason, note: 'Spoke to her daughter; happy to take a new referral later.' },
    });
    await context.close();
  });

  it('pages a long inbox with links, finds a referral by the reference the GP quotes, and says what a search cannot read', async () => {
    await storeManyReferrals(queue.db, 120, { odsCode: 'L81001', newEvery: 1 });
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${queue.url}/inbox/login`);
    await page.getByLabel('Username').fill(LINK_WORKER.username);
    await page.getByLabel('Password').fill(LINK_WORKER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByText('More than 100 referrals need a decision').waitFor();
    expect(await page.locator('tr[data-referral]').count()).toBe(50);
    await page.getByRole('navigation', { name: 'Pages of referrals' }).getByRole('link', { name: 'Next page' }).click();
    await page.getByText('More than 100 referrals need a decision: page 2').waitFor();
    expect(await page.locator('tr[data-referral]').count()).toBe(50);
    expect(await accessibilityFailures(page)).toEqual([]);

    const [stored] = await queue.db.query<{ id: string }>(
      `SELECT id FROM referral WHERE status = 'requested' ORDER BY received_at DESC LIMIT 1`,
    );
    const reference = referralReference(stored?.id ?? '');
    await page.getByLabel('Find a referral by its reference, NHS number or the patient’s name').fill(reference);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByText('1 referral matches').waitFor();
    expect(await page.locator('tr[data-referral] td.reference').allTextContents()).toEqual([reference]);

    await page.getByLabel('Find a referral by its reference, NHS number or the patient’s name').fill('12345');
    await page.getByRole('button', { name: 'Find' }).click();
    await page
      .getByText(
        'Search by a referral’s reference (for example SP-1A2B-3C4D), an NHS number (10 digits) or the patient’s name.',
      )
      .waitFor();
    expect(await accessibilityFailures(page)).toEqual([]);
    await context.close();
  });
});
