import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nhsDate } from '../../domain/clock/nhs-date';
import { ukDate } from '../../domain/clock/uk-date';
import { BOUNDARIED_VCSE_MODEL } from '../../domain/model/examples';
import type { Pathway } from '../../domain/model/model';
import { readDemoSettings } from '../../server/demo';
import { addLinkWorker } from '../../server/store/link-workers';
import {
  type Harness,
  launch,
  openDemo,
  openExtensionPage,
  padFrame,
  screenshotForDocs,
  toggleByShortcut,
} from '../../test-support/browser/harness';
import { openOptions } from '../../test-support/browser/options-browser';
import { seriousViolations, setExtensionStorage } from '../../test-support/browser/pad-browser';
import {
  addAgreedService,
  addPracticeWithToken,
  kingsmeadConnect55 as kingsmeadConnect,
  leadOf,
  serviceProposes,
  storedProposals,
} from '../../test-support/queue/agreed-service';
import { type FaultProxy, startFaultProxy } from '../../test-support/queue/fault-proxy';
import { type Queue, startQueue } from '../../test-support/queue/queue';

/**
 * The champion's view of the practice's directory in real Chromium with the built extension, against the real queue
 * (through a proxy that can take it away). The queue is `npm start`'s: the demo practice (Demo Surgery, Y00001) and
 * its token from demo/demo-settings.json, with one service, Kingsmead Connect 55+, agreed under the boundaried model.
 */
const demo = readDemoSettings();
const PRACTICE = demo.practice.odsCode;
const firstChampion = { name: 'Dr Amina Patel', role: 'GP partner', organisation: demo.practice.name };
const lead = leadOf(kingsmeadConnect);
/** The service lead's account on the queue's pages. */
const LEAD_ACCOUNT = { username: 'sam', displayName: lead.name, password: 'a lead’s long password' };
let queue: Queue;
let proxy: FaultProxy;
let h: Harness;
let options: Page;
/** The queue's FHIR address, through the proxy (whose address ends in a slash). */
const endpoint = () => new URL('fhir', proxy.url).href;

beforeAll(async () => {
  queue = await startQueue('pglite');
  await addPracticeWithToken(queue.db, demo.practice, demo.queue.token);
  await addAgreedService(queue.db, {
    service: kingsmeadConnect,
    practice: PRACTICE,
    model: BOUNDARIED_VCSE_MODEL,
    champion: firstChampion,
  });
  await addLinkWorker(queue.db, { ...LEAD_ACCOUNT, serviceId: kingsmeadConnect.id, role: 'service-lead' });
  proxy = await startFaultProxy(queue.url);
  h = await launch();
  const page = await openExtensionPage(h, 'options.html');
  await setExtensionStorage(page, {
    settings: { model: BOUNDARIED_VCSE_MODEL, queue: { endpoint: endpoint(), token: demo.queue.token } },
  });
  options = await openOptions(h.context, h.extensionId, page);
}, 300_000); // the embedded database's first start, its seeded services and a browser, on a shared machine

afterAll(async () => {
  await h?.close();
  await proxy?.close();
  await queue?.stop();
});

const card = (name: string): Locator => options.getByRole('article', { name });
const kingsmead = () => card(`${kingsmeadConnect.name} ${kingsmeadConnect.organisation.name}`);
const fact = (service: Locator, term: string) =>
  service.locator('.summary-row', { has: options.locator(`dt:text-is("${term}")`) }).locator('dd');
const today = () => nhsDate(ukDate(new Date()));

describe('the champion’s view of the directory', () => {
  it('proposes the edited model from the options page; the service lead agrees it on the queue’s pages; the directory and the pad then name both sides', async () => {
    // The background fetches it once the queue is set; the champion may ask for it again at any time.
    await options.getByRole('button', { name: 'Refresh the directory' }).click();
    await kingsmead().waitFor();
    expect(await fact(kingsmead(), 'Capacity').textContent()).toBe(
      'Waiting list of about 3 weeks: Groups restart in January',
    );
    expect(await fact(kingsmead(), 'Agreed version').textContent()).toBe('Version 1');
    expect(await fact(kingsmead(), 'Agreement').textContent()).toBe(
      `Agreed by Dr Amina Patel, Demo Surgery and Sam Lee, Kingsmead Community Trust on ${today()}; review by ${nhsDate(ukDate(Date.now() + 364 * 86_400_000))}`,
    );
    // Version 1 was the service's proposal, agreed by the practice's first champion.
    await expect
      .poll(() => kingsmead().locator('li[data-status="agreed"] .options-proposal-status').textContent())
      .toBe(`Agreed by Dr Amina Patel (GP partner, Demo Surgery) on ${today()}`);

    // The champion changes the model in the editor and proposes it, in their own name.
    await options.getByLabel('Your name').fill('Priya Shah');
    await options.getByLabel('Your role').fill('Practice manager');
    await options.getByLabel('Lowest age (optional)').fill('50');
    await options.getByRole('button', { name: 'Propose this as a change to Kingsmead Connect 55+' }).click();
    await options.getByText(/^Proposed to Kingsmead Connect 55\+ as version 2\./).waitFor();
    const proposal = kingsmead().locator('li[data-status="proposed"]');
    expect(await proposal.locator('h5').textContent()).toBe(
      `Version 2 proposed by Priya Shah (Practice manager, Demo Surgery) on ${today()}`,
    );
    expect(await proposal.locator('.options-proposal-status').textContent()).toBe(
      'Waiting for Kingsmead Connect 55+ to agree it or send it back',
    );
    expect(await proposal.locator('details li').allTextContents()).toContain('Lowest age: 55 → 50');
    // A proposal of the practice's own is not the practice's to agree.
    expect(await proposal.getByRole('button', { name: /Agree/ }).count()).toBe(0);

    // The queue holds it as the practice's proposal, by the champion, with the model as edited.
    const [stored] = await storedProposals(queue.db, kingsmeadConnect.id, PRACTICE);
    expect(stored).toMatchObject({
      version: 2,
      side: 'practice',
      status: 'proposed',
      proposedBy: { name: 'Priya Shah', role: 'Practice manager', organisation: 'Demo Surgery' },
    });
    expect(stored?.model.scope.pathways[0]?.minAge).toBe(50);

    // The service's lead, signed in to the queue's pages, reads what the proposal changes and agrees it.
    const queuePages = await h.context.newPage();
    await queuePages.goto(`${queue.url}/inbox/login`);
    await queuePages.getByLabel('Username').fill(LEAD_ACCOUNT.username);
    await queuePages.getByLabel('Password').fill(LEAD_ACCOUNT.password);
    await queuePages.getByRole('button', { name: 'Sign in' }).click();
    await queuePages.getByRole('link', { name: 'Your service' }).click();
    await queuePages.getByRole('link', { name: `Version 2 for ${demo.practice.name} (${PRACTICE})` }).click();
    await queuePages.getByRole('heading', { name: 'What changes from version 1' }).waitFor();
    expect(await queuePages.locator('ul.changes li').allTextContents()).toContain('Lowest age: 55 → 50');
    await queuePages.getByRole('button', { name: 'Agree this version' }).click();
    await queuePages.locator(`tr[data-agreement="${PRACTICE}-2"]`).waitFor();
    await queuePages.close();
    await options.getByRole('button', { name: 'Refresh the directory' }).click();
    await expect.poll(() => fact(kingsmead(), 'Agreed version').textContent()).toBe('Version 2');
    expect(await fact(kingsmead(), 'Agreement').textContent()).toMatch(
      new RegExp(`^Agreed by Priya Shah, Demo Surgery and Sam Lee, Kingsmead Community Trust on ${today()}; review by`),
    );
    await expect
      .poll(() => kingsmead().locator('li[data-status="agreed"] .options-proposal-status').first().textContent())
      .toBe(`Agreed by Sam Lee (Service lead, Kingsmead Community Trust) on ${today()}`);
    // The champion's name and role are remembered for the next time.
    const remembered = await options.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      return (await chrome.storage.local.get('champion')).champion;
    });
    expect(remembered).toEqual({ name: 'Priya Shah', role: 'Practice manager' });

    // The pad on the demo system checks against the version just agreed, and says who agreed it on each side.
    const page = await openDemo(h);
    await toggleByShortcut(page);
    const pad = await padFrame(page);
    await expect
      .poll(() => pad.locator('.pad-verdict__model').textContent())
      .toMatch(/Agreed by Priya Shah, Demo Surgery and Sam Lee, Kingsmead Community Trust on /);
    await page.close();
  });

  it('sends back a service’s proposal with a comment, and agrees the next one', async () => {
    const model = (await storedProposals(queue.db, kingsmeadConnect.id, PRACTICE))[0]?.model ?? BOUNDARIED_VCSE_MODEL;
    const [first, ...rest] = model.scope.pathways as [Pathway, ...Pathway[]];
    const withFirst = (changes: Partial<Pathway>) => ({
      ...model,
      scope: { ...model.scope, pathways: [{ ...first, ...changes }, ...rest] },
    });
    const widened = withFirst({ postcodeAreas: [...first.postcodeAreas, 'BS5'] });
    await serviceProposes(queue.db, kingsmeadConnect, PRACTICE, widened);
    await options.reload();
    const proposal = kingsmead().locator('li[data-status="proposed"]');
    await proposal.waitFor();
    expect(await proposal.locator('.options-proposal-status').textContent()).toBe(
      'Waiting for the practice: agree it or send it back',
    );
    expect(await proposal.locator('details li').allTextContents()).toContain('Postcode areas: added BS5');
    expect(await seriousViolations(options)).toEqual([]);
    await screenshotForDocs(kingsmead(), 'options-directory.png');

    // Sent back without a comment: the page asks why, and nothing is sent.
    await proposal.getByRole('button', { name: 'Send version 3 back' }).click();
    await proposal.getByText('Say why it goes back, so the service can change it.').waitFor();
    expect((await storedProposals(queue.db, kingsmeadConnect.id, PRACTICE))[0]?.status).toBe('proposed');
    await proposal.getByLabel(/^Comment, to send it back/).fill('BS5 is covered by the Easton scheme.');
    await proposal.getByRole('button', { name: 'Send version 3 back' }).click();
    await kingsmead().getByText('Version 3 sent back to Kingsmead Connect 55+ with your comment.').waitFor();
    expect((await storedProposals(queue.db, kingsmeadConnect.id, PRACTICE))[0]).toMatchObject({
      version: 3,
      status: 'sent-back',
      comment: 'BS5 is covered by the Easton scheme.',
      decidedBy: { name: 'Priya Shah', role: 'Practice manager', organisation: 'Demo Surgery' },
    });

    // The service proposes again without BS5; the champion agrees it here, and it is in force.
    await serviceProposes(queue.db, kingsmeadConnect, PRACTICE, withFirst({ minAge: 52 }));
    await options.getByRole('button', { name: 'Refresh the directory' }).click();
    await kingsmead().getByRole('button', { name: 'Agree version 4' }).click();
    await kingsmead().getByText('Agreed: version 4 is in force with Kingsmead Connect 55+.').waitFor();
    await expect.poll(() => fact(kingsmead(), 'Agreed version').textContent()).toBe('Version 4');
    expect(await fact(kingsmead(), 'Agreement').textContent()).toMatch(
      /^Agreed by Priya Shah, Demo Surgery and Sam Lee, Kingsmead Community Trust on /,
    );
  });

  it('shows the kept directory with its age when the queue cannot be reached, and why a refresh failed', async () => {
    // The copy kept is made three days old (a test cannot wait three days); the queue goes away.
    await options.evaluate(async (days) => {
      const chrome = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      const { directory } = (await chrome.storage.local.get('directory')) as { directory: { fetchedAt: string } };
      const fetchedAt = new Date(Date.now() - days * 86_400_000).toISOString();
      await chrome.storage.local.set({ directory: { ...directory, fetchedAt } });
    }, 3);
    await proxy.down();
    await options.reload();
    const age = options.locator('#directory-age');
    await age.waitFor();
    expect(await age.textContent()).toContain('Directory from 3 days ago.');
    expect(await fact(kingsmead(), 'Agreed version').textContent()).toBe('Version 4');

    await options.getByRole('button', { name: 'Refresh the directory' }).click();
    const problem = options.locator('#directory-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain(
      `The directory could not be refreshed. Could not reach the queue at ${endpoint()}/HealthcareService`,
    );
    expect(await problem.textContent()).toContain('The copy kept in this browser is still used.');
    await screenshotForDocs(options.locator('#directory'), 'options-directory-stale.png');
    expect(await fact(kingsmead(), 'Agreed version').textContent()).toBe('Version 4');
    expect(await age.textContent()).toContain('Directory from 3 days ago.');

    // The queue comes back: a refresh takes the warning and the problem away.
    await proxy.up();
    await options.getByRole('button', { name: 'Refresh the directory' }).click();
    await expect.poll(() => age.count()).toBe(0);
    await expect.poll(() => problem.count()).toBe(0);
    await options.getByText('Directory fetched just now.').waitFor();
  });
});
