import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BOUNDARIED_VCSE_MODEL, OPEN_PCN_MODEL } from '../../domain/model/examples';
import { referralReference } from '../../domain/referral/reference';
import type { Service } from '../../domain/service/service';
import { readDemoSettings } from '../../server/demo';
import { addLinkWorker } from '../../server/store/link-workers';
import { type Harness, launch, openExtensionPage } from '../../test-support/browser/harness';
import {
  fillDateOfBirth,
  noSafetyConcernsAndConsent,
  outboxRows,
  seriousViolations,
  setExtensionStorage,
} from '../../test-support/browser/pad-browser';
import { valleyPcn } from '../../test-support/fixtures/services';
import {
  addAgreedService,
  addPracticeWithToken,
  kingsmeadConnect55 as kingsmeadConnect,
} from '../../test-support/queue/agreed-service';
import { cookieOf, type Queue, signIn, startQueue } from '../../test-support/queue/queue';

/**
 * The pad routing a referral in real Chromium with the built extension, against the real queue over HTTP: the demo
 * practice has models agreed with Kingsmead Connect 55+ (boundaried, a waiting list), the Valley PCN (open, accepting;
 * the id Kingsmead's out-of-scope route names) and Riverside Walks (open, paused). Each service has its link worker.
 */
const demo = readDemoSettings();
const PRACTICE = demo.practice.odsCode;
const champion = { name: 'Dr Amina Patel', role: 'GP partner', organisation: demo.practice.name };
const PASSWORD = 'correct horse battery staple';
const walks: Service = {
  ...valleyPcn,
  id: 'riverside-walks',
  name: 'Riverside Walks',
  organisation: { name: 'Riverside Walks CIC' },
  capacity: { state: 'paused', until: '2099-01-05', note: 'Walk leaders on leave' },
};
const services = [
  { service: kingsmeadConnect, model: BOUNDARIED_VCSE_MODEL, worker: 'connie' },
  { service: valleyPcn, model: OPEN_PCN_MODEL, worker: 'val' },
  { service: walks, model: OPEN_PCN_MODEL, worker: 'wally' },
];
let queue: Queue;
let h: Harness;
let pad: Page;

beforeAll(async () => {
  queue = await startQueue('pglite');
  await addPracticeWithToken(queue.db, demo.practice, demo.queue.token);
  for (const { service, model, worker } of services) {
    await addAgreedService(queue.db, { service, practice: PRACTICE, model, champion });
    await addLinkWorker(queue.db, { username: worker, displayName: worker, password: PASSWORD, serviceId: service.id });
  }
  h = await launch();
  pad = await openExtensionPage(h, 'sidepanel.html');
  // The queue in force changes: the background fetches the practice's directory from it at once.
  await setExtensionStorage(pad, {
    settings: { model: BOUNDARIED_VCSE_MODEL, queue: { endpoint: `${queue.url}/fhir`, token: demo.queue.token } },
    referrer: { name: 'Dr Asha Patel', role: 'GP', odsCode: PRACTICE },
  });
  // The background's first fetch may have begun before the queue was set: asked again (as the options page does)
  // until the practice's three services are kept.
  await vi.waitFor(
    async () => {
      const kept = await pad.evaluate(async () => {
        const chrome = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
        await chrome.runtime.sendMessage({ type: 'directory:refresh' });
        const { directory } = (await chrome.storage.local.get('directory')) as { directory?: { entries: unknown[] } };
        return directory?.entries.length;
      });
      expect(kept).toBe(3);
    },
    { timeout: 60_000, interval: 500 },
  );
}, 300_000); // the embedded database's first start and a browser, on a shared machine

afterAll(async () => {
  await h?.close();
  await queue?.stop();
});

/** The inbox list as a service's link worker sees it. */
async function inboxOf(worker: string): Promise<string> {
  const cookie = cookieOf(await signIn(queue, PASSWORD, worker));
  return (await fetch(`${queue.url}/inbox?status=any`, { headers: { Cookie: cookie } })).text();
}

describe('the pad routing a referral across the practice’s directory', () => {
  it('offers a 34-year-old with debt only where the referral fits; it arrives in that service’s inbox only', async () => {
    await pad.reload();
    const fits = pad.getByRole('group', { name: 'Services this referral fits' });
    await fits.waitFor();
    await pad.getByLabel('Given name', { exact: true }).fill('Jordan');
    await pad.getByLabel('Family name', { exact: true }).fill('Example');
    await pad.getByLabel('NHS number', { exact: true }).fill('943 476 5919');
    await fillDateOfBirth(pad, '3 7 1992');
    await pad.getByLabel('Sex', { exact: true }).selectOption('female');
    await pad.getByLabel('Phone', { exact: true }).fill('07700 900123');
    await pad.getByRole('button', { name: 'Money and debt' }).click();
    await pad.getByLabel(/^What matters to the patient/).fill('Sorting out the letters from the bank');
    await noSafetyConcernsAndConsent(pad);

    // Only the Valley PCN is offered, chosen, with its capacity; Kingsmead says why not; Riverside Walks is paused.
    await expect.poll(() => fits.getByRole('radio').count()).toBe(1);
    expect(await fits.getByRole('radio', { name: valleyPcn.name }).isChecked()).toBe(true);
    expect(await fits.textContent()).toContain('Accepting referrals');
    const others = pad.getByRole('list', { name: 'Services not offered for this referral' });
    expect(await others.locator(`[data-service="${kingsmeadConnect.id}"]`).textContent()).toMatch(
      /^Kingsmead Connect 55\+: This service is for people/,
    );
    expect(await others.locator(`[data-service="${walks.id}"]`).textContent()).toBe(
      'Riverside Walks: Paused until 5 January 2099: Walk leaders on leave. Not offered.',
    );
    expect(await pad.locator('.pad-verdict__model').textContent()).toContain(
      `Agreed by ${champion.name}, ${demo.practice.name} and Sam Lee, ${valleyPcn.organisation.name} on `,
    );
    expect(await pad.locator('#pad-send-service').textContent()).toBe(`To ${valleyPcn.name} (Accepting referrals)`);
    expect(await seriousViolations(pad)).toEqual([]);

    const send = pad.getByRole('button', { name: 'Send referral' });
    await expect.poll(() => send.isEnabled()).toBe(true);
    await send.click();
    await pad.getByRole('heading', { name: /^Saved — will be sent to / }).waitFor();
    const [row] = await outboxRows(pad);
    const reference = referralReference(row?.id ?? '');

    // Delivered to the Valley PCN's inbox; Kingsmead's and Riverside Walks' link workers never see it.
    await expect.poll(() => inboxOf('val'), { timeout: 60_000 }).toContain(reference);
    expect(await inboxOf('connie')).not.toContain(reference);
    expect(await inboxOf('wally')).not.toContain(reference);
  });

  it('turns a redirect card naming a directory service into one press that refers there, the draft kept', async () => {
    await pad.reload();
    const fits = pad.getByRole('group', { name: 'Services this referral fits' });
    await fits.waitFor();
    // An isolated man of 72 in BS16: both Kingsmead and the Valley PCN fit; the referrer chooses Kingsmead.
    await pad.getByLabel('Given name', { exact: true }).fill('John');
    await pad.getByLabel('Family name', { exact: true }).fill('Smith');
    await fillDateOfBirth(pad, '12 3 1954');
    await pad.getByLabel('Postcode', { exact: true }).fill('BS16 1QY');
    await pad.getByRole('button', { name: 'Loneliness or isolation' }).click();
    await expect.poll(() => fits.getByRole('radio').count()).toBe(2);
    await fits.getByRole('radio', { name: kingsmeadConnect.name }).check();
    await expect.poll(() => pad.locator('#pad-send-service').textContent()).toMatch(/^To Kingsmead Connect 55\+/);

    // Debt instead: outside Kingsmead's agreement, whose route names the Valley PCN in the directory.
    await pad.getByRole('button', { name: 'Loneliness or isolation' }).click();
    // Kingsmead's model folds the needs outside it: opened to choose one.
    await pad.getByText(/^Show \d+ needs outside the agreed model/).click();
    await pad.getByRole('button', { name: 'Money and debt' }).click();
    const instead = pad.getByRole('button', { name: `Refer to ${valleyPcn.name} instead` });
    await instead.click();
    await expect
      .poll(() => pad.locator('#pad-send-service').textContent())
      .toBe(`To ${valleyPcn.name} (Accepting referrals)`);
    expect(await fits.getByRole('radio', { name: valleyPcn.name }).isChecked()).toBe(true);
    expect(await pad.getByLabel('Given name', { exact: true }).inputValue()).toBe('John');
    expect(await instead.count()).toBe(0);
  });
});
