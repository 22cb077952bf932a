import { readFileSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ukDate } from '../../domain/clock/uk-date';
import { BOUNDARIED_VCSE_MODEL } from '../../domain/model/examples';
import { readDemoSettings } from '../../server/demo';
import { addLinkWorker } from '../../server/store/link-workers';
import { setDriftThreshold } from '../../server/store/reports';
import { CHROMIUM, type Harness, launch, openExtensionPage } from '../../test-support/browser/harness';
import {
  fillDateOfBirth,
  noSafetyConcernsAndConsent,
  setExtensionStorage,
} from '../../test-support/browser/pad-browser';
import {
  addAgreedService,
  addPracticeWithToken,
  kingsmeadConnect55 as kingsmead,
} from '../../test-support/queue/agreed-service';
import { LINK_WORKER, type Queue, startQueue } from '../../test-support/queue/queue';
import { parseCsv } from '../../test-support/reports/csv';

/**
 * Issue 18's Must-show, in real Chromium with the built extension against the real queue: a GP's pad sends one referral
 * in the agreed model and two with an override, and is shown where to send a fourth person instead, which they do; a
 * link worker decides two in the inbox; the pads' counts for the day go through the outbox once the day has ended; the
 * service lead's report shows every count, the drift statement once the out-of-model share passes the threshold, and
 * each CSV is its table.
 */
const demo = readDemoSettings();
const PRACTICE = demo.practice.odsCode;
const champion = { name: 'Dr Amina Patel', role: 'GP partner', organisation: demo.practice.name };
const LEAD = { username: 'sam', displayName: 'Sam Lee', password: 'a lead’s long password' };
const DAY = 86_400_000;
let queue: Queue;
let h: Harness;
let pad: Page;
let people: Browser;

beforeAll(async () => {
  queue = await startQueue('pglite');
  await addPracticeWithToken(queue.db, demo.practice, demo.queue.token);
  await addAgreedService(queue.db, { service: kingsmead, practice: PRACTICE, model: BOUNDARIED_VCSE_MODEL, champion });
  await addLinkWorker(queue.db, { ...LEAD, serviceId: kingsmead.id, role: 'service-lead' });
  // Past 60 %: two of three referrals outside the model, not one of two.
  await setDriftThreshold(queue.db, kingsmead.id, 60, new Date(), 'test');
  h = await launch();
  pad = await openExtensionPage(h, 'sidepanel.html');
  await setExtensionStorage(pad, {
    settings: {
      model: BOUNDARIED_VCSE_MODEL,
      queue: { endpoint: `${queue.url}/fhir`, token: demo.queue.token },
      shareCounts: true,
    },
    referrer: { name: 'Dr Asha Patel', role: 'GP', odsCode: PRACTICE },
  });
  await vi.waitFor(
    async () => {
      const kept = await pad.evaluate(async () => {
        const chrome = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
        await chrome.runtime.sendMessage({ type: 'directory:refresh' });
        const { directory } = (await chrome.storage.local.get('directory')) as { directory?: { entries: unknown[] } };
        return directory?.entries.length;
      });
      expect(kept).toBe(1);
    },
    { timeout: 60_000, interval: 500 },
  );
  people = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
}, 300_000);

afterAll(async () => {
  await people?.close();
  await h?.close();
  await queue?.stop();
});

/** A patient typed into the pad, a need, no safety concern, consent: the check then says what it says. */
async function fillReferral(age: number, family: string): Promise<void> {
  await pad.getByLabel('Given name', { exact: true }).waitFor();
  await pad.getByLabel('Given name', { exact: true }).fill('Pat');
  await pad.getByLabel('Family name', { exact: true }).fill(family);
  await pad.getByLabel('NHS number', { exact: true }).fill('943 476 5919');
  await fillDateOfBirth(pad, `3 7 ${new Date().getFullYear() - age - 1}`);
  await pad.getByLabel('Sex', { exact: true }).selectOption('female');
  await pad.getByLabel('Phone', { exact: true }).fill('07700 900123');
  await pad.getByLabel('Postcode', { exact: true }).fill('BS16 1AA');
  await pad.getByRole('button', { name: 'Loneliness or isolation' }).click();
  await pad.getByLabel(/^What matters to the patient/).fill('Getting out of the house again');
  await noSafetyConcernsAndConsent(pad);
}

async function send(): Promise<void> {
  const button = pad.getByRole('button', { name: 'Send referral' });
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
  await pad.getByRole('heading', { name: /^Saved — will be sent to / }).waitFor();
  await pad.getByRole('button', { name: 'Start a new referral' }).click();
}

async function report(cookiePage: Page): Promise<string> {
  await cookiePage.goto(`${queue.url}/inbox/reports?weeks=8`);
  return (await cookiePage.locator('main').textContent()) ?? '';
}

function tableIn(page: Page, id: string): Promise<string[][]> {
  return page
    .locator(`#table-${id} tr`)
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')));
}

async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${queue.url}/inbox/login`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${queue.url}/inbox`);
}

describe('the service lead’s report of referrals from the pad', () => {
  it('counts what the pad sent and redirected and the inbox decided; speaks past the threshold; the CSV is the page', async () => {
    await fillReferral(70, 'INMODEL');
    await send();
    await fillReferral(40, 'OVERRIDDEN');
    await pad.getByLabel('Your reason to refer anyway').fill('Lives alone since her stroke; the connector knows her.');
    await send();

    // The link worker decides both in the inbox.
    const worker = await (await people.newContext()).newPage();
    await signInAs(worker, LINK_WORKER.username, LINK_WORKER.password);
    for (const [family, decision, reason] of [
      ['INMODEL', 'Accept', ''],
      ['OVERRIDDEN', 'Decline', 'Under 55: the PCN link workers will see her.'],
    ] as const) {
      await worker.goto(`${queue.url}/inbox`);
      await expect
        .poll(
          async () => {
            await worker.reload();
            return worker.getByRole('link', { name: `Pat ${family}` }).count();
          },
          { timeout: 60_000 },
        )
        .toBe(1);
      await worker.getByRole('link', { name: `Pat ${family}` }).click();
      await worker.getByRole('radio', { name: decision }).check();
      if (reason) await worker.getByLabel('Reason (needed to decline)').fill(reason);
      await worker.getByRole('button', { name: 'Save decision' }).click();
      await worker.getByText(/^Saved: /).waitFor();
    }

    const lead = await (await people.newContext()).newPage();
    await signInAs(lead, LEAD.username, LEAD.password);
    // One of two outside the model: 50 %, not past 60 %.
    expect(await report(lead)).not.toContain('Over the last 8 weeks');
    expect((await tableIn(lead, 'model-share')).slice(1).map((row) => row.slice(0, 2))).toEqual([
      ['In the agreed model', '1'],
      ['Sent with an override', '1'],
      ['Out of scope by a rule, sent for review', '0'],
    ]);

    // A second override: two of three, past the threshold.
    await fillReferral(41, 'SECOND');
    await pad.getByLabel('Your reason to refer anyway').fill('Carer for her husband; isolated since his illness.');
    await send();
    await expect
      .poll(async () => report(lead), { timeout: 60_000 })
      .toContain(
        'Over the last 8 weeks 67 % of referrals (2 of 3) were outside the agreed model; most named loneliness or isolation — review the agreement with your practices.',
      );

    // A fourth: the pad says where to send her instead (not 55 or over, and no override); the GP does, and sends nothing.
    await fillReferral(30, 'REDIRECTED');
    await pad
      .getByText(/Kingsmead Valley PCN/)
      .first()
      .waitFor();
    await expect
      .poll(() => openChecks(pad), { timeout: 30_000 })
      .toContainEqual(expect.objectContaining({ ending: 'redirected', route: 'kingsmead-valley-pcn-sp' }));
    // ... the day ends: the background seals it and sends the day's counts through the outbox.
    await endTheDay(pad, ukDate(Date.now() - DAY));
    await expect
      .poll(
        async () => {
          await tellDrain(pad);
          return (await tableIn(await reportPage(lead), 'redirect-routes')).slice(1);
        },
        { timeout: 90_000, interval: 2_000 },
      )
      .toEqual([['kingsmead-valley-pcn-sp', '1', '100 %']]);
    const checks = (await tableIn(lead, 'point-of-referral')).slice(1).map((row) => row.slice(0, 2));
    expect(checks.slice(0, 3)).toEqual([
      ['Sent in the agreed model', '1'],
      ['Sent with an override', '2'],
      ['Redirected elsewhere before sending', '1'],
    ]);
    expect(
      (await tableIn(lead, 'decisions'))
        .slice(1)
        .map((row) => row.slice(0, 2))
        .sort(),
    ).toEqual([
      ['Accepted', '1'],
      ['Declined', '1'],
    ]);

    for (const id of ['model-share', 'point-of-referral', 'redirect-routes', 'decisions', 'drift']) {
      const download = lead.waitForEvent('download');
      await lead.locator(`a[href^="/inbox/reports/${id}.csv"]`).click();
      expect(parseCsv(readFileSync(await (await download).path(), 'utf8'))).toEqual(await tableIn(lead, id));
    }
  });
});

async function reportPage(page: Page): Promise<Page> {
  await report(page);
  return page;
}

/** The day's end: each open check's day put back one, as tests/e2e/point-of-referral-counts.test.ts does. */
function endTheDay(page: Page, yesterday: string): Promise<void> {
  return page.evaluate(
    (day) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('outbox');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('checks', 'readwrite', { durability: 'strict' });
          const store = tx.objectStore('checks');
          const all = store.getAll();
          all.onsuccess = () => {
            for (const check of all.result) store.put({ ...check, day });
          };
          tx.oncomplete = () => {
            db.close();
            done();
          };
          tx.onabort = () => fail(tx.error);
        };
      }),
    yesterday,
  );
}

/** The checks the background keeps (the outbox's IndexedDB), read with the plain IndexedDB API. */
function openChecks(page: Page): Promise<{ ending: string; route: string | null }[]> {
  return page.evaluate(
    () =>
      new Promise<{ ending: string; route: string | null }[]>((done, fail) => {
        const open = indexedDB.open('outbox');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('checks').objectStore('checks').getAll();
          all.onsuccess = () => {
            db.close();
            done(all.result);
          };
          all.onerror = () => fail(all.error);
        };
      }),
  );
}

function tellDrain(page: Page): Promise<unknown> {
  return page.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime
      .sendMessage({ type: 'outbox:drain' })
      .catch(() => undefined),
  );
}
