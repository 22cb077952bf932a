import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_PCN_MODEL } from '../../domain/model/examples';
import { readModel } from '../../domain/model/model-file';
import { runCommand } from '../../server/admin/commands';
import { agreeAsBothSides } from '../../server/store/services';
import { CHROMIUM, screenshotForDocs } from '../../test-support/browser/harness';
import { seriousViolations } from '../../test-support/browser/pad-browser';
import { LINK_WORKER, type Queue, startQueue } from '../../test-support/queue/queue';
import { parseCsv } from '../../test-support/reports/csv';
import { storeYearOfReferrals } from '../../test-support/reports/year-of-referrals';

const SERVICE = 'kingsmead-valley-pcn';
const LEAD = { username: 'sam', displayName: 'Sam Lee', password: 'a lead’s long password' };
const COMMISSIONER = { username: 'cora', displayName: 'Cora Commissioner', password: 'a commissioner’s password' };
const WEEK = 7 * 86_400_000;

let queue: Queue;
let browser: Browser;

beforeAll(async () => {
  queue = await startQueue('pglite');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  for (const [account, role] of [
    [LEAD, { serviceLead: true }],
    [COMMISSIONER, { commissioner: true }],
  ] as const)
    await runCommand(queue.db, {
      command: 'add-link-worker',
      args: [account.username, account.displayName],
      password: account.password,
      service: SERVICE,
      ...role,
    });
});

afterAll(async () => {
  await browser?.close();
  await queue?.stop();
});

async function signIn(account: { username: string; password: string }): Promise<Page> {
  // axe-core is injected as a script, which the pages' CSP (rightly) forbids: this context bypasses it for the check.
  const page = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1100, height: 900 } })).newPage();
  await page.goto(`${queue.url}/inbox/login`);
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/inbox(\/reports)?$/);
  return page;
}

/** A table of the page as rows of cell texts, header row first, as the reader sees them. */
function tableIn(page: Page, id: string): Promise<string[][]> {
  return page
    .locator(`#table-${id} tr`)
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')));
}

describe('the service’s report in a real browser', () => {
  it('reads half a year of a drifting service: accessible, charts beside their tables, each CSV the table', async () => {
    const now = new Date();
    const model = readModel({ ...OPEN_PCN_MODEL, version: 2 });
    if (!model.ok) throw new Error('the open model does not read');
    const by = {
      practice: { name: 'Dr Amina Patel', role: 'GP partner', organisation: 'Riverside Surgery' },
      service: { name: LEAD.displayName, role: 'Service lead', organisation: 'Kingsmead Valley PCN' },
    };
    const agreed = await agreeAsBothSides(
      queue.db,
      { serviceId: SERVICE, practice: 'L81001', model: model.model, by },
      new Date(now.getTime() - 10 * WEEK),
    );
    await storeYearOfReferrals(queue.db, {
      count: 6000,
      practices: 12,
      serviceId: SERVICE,
      decidedBy: LINK_WORKER.username,
      now,
      driftWeeks: 8,
    });

    const page = await signIn(LEAD);
    await page.goto(`${queue.url}/inbox/reports?weeks=26`);
    const statement = page.getByRole('status').filter({ hasText: 'Over the last 8 weeks' });
    expect(await statement.textContent()).toMatch(
      /^Over the last 8 weeks \d+ % of referrals \([\d,]+ of [\d,]+\) were outside the agreed model, up from \d+ %; most named .+ — review the agreement with your practices\.$/,
    );
    const drift = page.getByRole('img', { name: /^Shares of referrals outside the model/ });
    expect(await drift.locator('text', { hasText: `Model v${agreed.version} agreed` }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotForDocs(page.locator('#drift-figure'), 'report-drift.png');
    await screenshotForDocs(page, 'report.png');

    for (const id of ['weekly', 'drift', 'redirect-routes', 'decisions', 'time-to-first-contact', 'closures']) {
      const download = page.waitForEvent('download');
      await page
        .getByRole('link', { name: /^Download “.+” \(CSV\)$/ })
        .and(page.locator(`[href^="/inbox/reports/${id}.csv"]`))
        .click();
      const file = await (await download).path();
      const { readFileSync } = await import('node:fs');
      expect(parseCsv(readFileSync(file, 'utf8'))).toEqual(await tableIn(page, id));
    }

    // Printed, the page is its charts and tables: no header, no period form, no download links.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.header').isVisible()).toBe(false);
    expect(
      await page
        .getByRole('link', { name: /\(CSV\)$/ })
        .first()
        .isVisible(),
    ).toBe(false);
    expect(await drift.isVisible()).toBe(true);
    await page.context().close();
  });

  it('shows a commissioner the report only, small numbers suppressed', async () => {
    const page = await signIn(COMMISSIONER);
    await expect.poll(() => page.url()).toBe(`${queue.url}/inbox/reports`);
    expect(await page.locator('#table-decline-reasons').count()).toBe(0);
    const cells = (await tableIn(page, 'weekly')).slice(1).flat();
    expect(cells.filter((cell) => /^[1-4]$/.test(cell))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
