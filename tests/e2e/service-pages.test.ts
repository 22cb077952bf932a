import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nhsDate } from '../../domain/clock/nhs-date';
import { ukDate } from '../../domain/clock/uk-date';
import { readDirectoryBundle } from '../../domain/fhir/directory';
import { BOUNDARIED_VCSE_MODEL } from '../../domain/model/examples';
import type { Proposal } from '../../domain/service/agreement';
import { addLinkWorker } from '../../server/store/link-workers';
import { addService, agreedVersions, decideProposal, proposalsFor } from '../../server/store/services';
import { CHROMIUM, screenshotForDocs } from '../../test-support/browser/harness';
import { fillDate, seriousViolations } from '../../test-support/browser/pad-browser';
import { kingsmeadConnect as kingsmeadFixture } from '../../test-support/fixtures/services';
import { type Queue, startQueue } from '../../test-support/queue/queue';

/** The fixtures' services under ids of their own, apart from any the queue's tests seed. */
const kingsmeadConnect = { ...kingsmeadFixture, id: 'kingsmead-connect-pages' };

const LEAD = { username: 'sam', displayName: 'Sam Lee', password: 'a lead’s long password' };
const champion = { name: 'Dr Amina Patel', role: 'GP partner', organisation: 'Riverside Surgery' };
const samForTheService = { name: 'Sam Lee', role: 'Service lead', organisation: 'Kingsmead Community Trust' };

/** The practice's side, over the queue's FHIR API with the practice's token, as its champion's options page does. */
async function asThePractice(queue: Queue, operation: string, body: unknown) {
  const response = await fetch(`${queue.url}/fhir/HealthcareService/${kingsmeadConnect.id}/${operation}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${queue.tokens.L81001}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(operation === '$propose-model' ? 201 : 200);
  return (await response.json()) as Proposal;
}

function practiceProposes(queue: Queue, model = BOUNDARIED_VCSE_MODEL) {
  return asThePractice(queue, '$propose-model', { model, proposedBy: champion });
}

async function noSeriousViolations(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

// Each step signs in, checks several pages with axe-core, or both: on a loaded 2-core machine one took 44 s.
describe('the service lead’s pages in a real browser', { timeout: 120_000 }, () => {
  let queue: Queue;
  let browser: Browser;
  /** One signed-in lead's tab, carried from step to step. */
  let page: Page;
  beforeAll(async () => {
    queue = await startQueue('pglite');
    await addService(queue.db, kingsmeadConnect, new Date());
    await addLinkWorker(queue.db, { ...LEAD, serviceId: kingsmeadConnect.id, role: 'service-lead' });
    // Version 1 is in force with Riverside Surgery: the practice proposed it and the service agreed.
    const first = await practiceProposes(queue);
    await decideProposal(
      queue.db,
      { proposalId: first.id, serviceId: kingsmeadConnect.id, side: 'service' },
      { decision: 'agree', by: samForTheService },
      new Date(),
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await queue?.stop();
  });

  it('a lead signs in and pauses the service; a pause with no end date is refused where it is; the directory says so', async () => {
    // The pages' own CSP stays on: axe-core is evaluated through the DevTools protocol, not as a script tag.
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    page = await context.newPage();
    await page.goto(`${queue.url}/inbox/service`);
    await expect.poll(() => page.url()).toBe(`${queue.url}/inbox/login`);
    await page.getByLabel('Username').fill(LEAD.username);
    await page.getByLabel('Password').fill(LEAD.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Your service' }).click();
    await page.getByRole('heading', { name: 'Kingsmead Connect 55+', level: 1 }).waitFor();
    expect(await page.locator('.tag').first().textContent()).toBe(
      'Waiting list of about 3 weeks: Groups restart in January',
    );
    await noSeriousViolations(page);

    // Capacity: paused with no end date is refused where it is wrong, then saved with one.
    await page.getByRole('link', { name: 'Change capacity' }).click();
    await page.getByRole('radio', { name: 'Paused' }).check();
    await page.getByRole('button', { name: 'Save capacity' }).click();
    const summary = page.getByRole('alert');
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Enter the pause end date']);
    await noSeriousViolations(page);
    await summary.getByRole('link', { name: 'Enter the pause end date' }).click();
    const until = ukDate(Date.now() + 30 * 24 * 60 * 60 * 1000);
    await fillDate(
      page,
      /^For a pause: the date it ends/,
      `${Number(until.slice(8))} ${Number(until.slice(5, 7))} ${until.slice(0, 4)}`,
    );
    await page.getByLabel('Note for practices (optional)').fill('Refer to Kingsmead Valley PCN meanwhile');
    await page.getByRole('button', { name: 'Save capacity' }).click();
    await page.getByText('Saved: the capacity.').waitFor();
    expect(await page.locator('.tag').first().textContent()).toBe(
      `Paused until ${nhsDate(until)}: Refer to Kingsmead Valley PCN meanwhile`,
    );

    // The practice's directory says so at once.
    const directory = await fetch(`${queue.url}/fhir/HealthcareService`, {
      headers: { Authorization: `Bearer ${queue.tokens.L81001}` },
    });
    const read = readDirectoryBundle(await directory.json());
    expect(read.ok && read.entries.find((entry) => entry.service.id === kingsmeadConnect.id)?.service.capacity).toEqual(
      {
        state: 'paused',
        until,
        note: 'Refer to Kingsmead Valley PCN meanwhile',
      },
    );
  });

  it('the lead reads a practice’s proposal as what it changes from version 1, and agrees it', async () => {
    const changed = {
      ...BOUNDARIED_VCSE_MODEL,
      name: 'Kingsmead Connect 50+',
      scope: {
        ...BOUNDARIED_VCSE_MODEL.scope,
        pathways: BOUNDARIED_VCSE_MODEL.scope.pathways.map((pathway) => ({ ...pathway, minAge: 50 })),
      },
    };
    const proposal = await practiceProposes(queue, changed);
    await page.reload();
    await page.getByRole('link', { name: 'Version 2 for Riverside Surgery (L81001)' }).click();
    await page.getByRole('heading', { name: 'What changes from version 1' }).waitFor();
    const changes = await page.locator('ul.changes li').allTextContents();
    // Who agreed and when are stamped on agreement, so only what the practice changed is listed.
    expect(changes).toEqual([
      'Name: “Kingsmead Connect 55+ (boundaried)” → “Kingsmead Connect 50+”',
      'Lowest age: 55 → 50',
    ]);
    await noSeriousViolations(page);
    await screenshotForDocs(page, 'service-proposal.png', true);
    await page.getByRole('button', { name: 'Agree this version' }).click();
    await page.getByText('Agreed: the practice can refer under this version now.').waitFor();
    const row = page.locator('tr[data-agreement="L81001-2"]');
    expect(await row.locator('td').allTextContents()).toEqual([
      'Riverside Surgery (L81001)',
      '2: Kingsmead Connect 50+ In force',
      'Dr Amina Patel, GP partner, Riverside Surgery',
      'Sam Lee, Service lead, Kingsmead Community Trust',
      expect.any(String),
      expect.any(String),
    ]);
    await screenshotForDocs(page, 'service-lead.png', true);
    const [agreed] = await agreedVersions(queue.db, kingsmeadConnect.id);
    expect(agreed).toMatchObject({ version: 2, agreedBy: { practice: champion, service: samForTheService } });
    expect((await proposalsFor(queue.db, kingsmeadConnect.id)).find((p) => p.id === proposal.id)?.status).toBe(
      'agreed',
    );
  });

  it('the lead proposes version 3 from the version in force (a broken model located first); the practice’s send-back comment shows', async () => {
    await page.getByRole('link', { name: 'Propose a model to a practice' }).click();
    await page.getByLabel('Practice', { exact: true }).selectOption('L81001');
    await page.getByRole('button', { name: 'Start from its version in force' }).click();
    await page.getByText('The box below holds version 2, in force with this practice now.').waitFor();
    expect(await page.getByLabel('The model (JSON)').inputValue()).toContain('"name": "Kingsmead Connect 50+"');
    await noSeriousViolations(page);
    await page.getByLabel('The model (JSON)').fill('{ "formatVersion": 1, "id": "kingsmead-connect-55" }');
    await page.getByRole('button', { name: 'Propose to the practice' }).click();
    expect(await page.getByRole('alert').getByRole('link').first().textContent()).toBe(
      'version: This field is missing.',
    );
    await noSeriousViolations(page);
    await page.getByLabel('Practice', { exact: true }).selectOption('L81001');
    await page.getByRole('button', { name: 'Start from its version in force' }).click();
    await page.getByRole('button', { name: 'Propose to the practice' }).click();
    await page.getByText('Proposed: the practice sees it').waitFor();
    const [ours] = await proposalsFor(queue.db, kingsmeadConnect.id);
    expect(ours).toMatchObject({ version: 3, side: 'service', status: 'proposed' });
    await asThePractice(queue, '$send-back', {
      proposalId: ours?.id,
      comment: 'We refer people aged 50 to 54 too: keep version 2.',
      by: champion,
    });
    await page.reload();
    await page.getByRole('link', { name: 'Version 3 for Riverside Surgery (L81001)' }).click();
    expect(await page.locator('.comment').textContent()).toBe('We refer people aged 50 to 54 too: keep version 2.');
    expect(await page.locator('.summary').textContent()).toContain(
      'Sent back by Dr Amina Patel, GP partner, Riverside Surgery',
    );
    await noSeriousViolations(page);

    await page.getByRole('banner').getByRole('link', { name: 'Your service' }).click();
    await page.getByRole('link', { name: 'Change details' }).click();
    await page.getByLabel('Service name').waitFor();
    await noSeriousViolations(page);
  });
});
