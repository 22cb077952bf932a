import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PAD_CHANNEL } from '../../app/shared/messaging/pad-channel';
import { OPEN_PCN_MODEL } from '../../domain/model/examples';
import { referralReference } from '../../domain/referral/reference';
import {
  type FirefoxHarness,
  launchFirefox,
  openDemo,
  openExtensionPage,
  PRACTICE_HOST,
  padFrame,
  resetExtensionStorage,
  storedItem,
  toggleByShortcut,
} from '../../test-support/firefox/harness';
import { fillOrchardAdapter } from '../../test-support/firefox/options';
import { outboxRows } from '../../test-support/firefox/outbox';
import { type RealQueue, startRealQueue } from '../../test-support/queue/real-queue';

/**
 * The extension as built for Firefox, in Debian's Firefox ESR: what a GP and a practice champion do with it, as the
 * Chromium tests show it there. One browser for the file: Firefox takes several seconds to start on two cores.
 */
let h: FirefoxHarness;
let queue: RealQueue;
const REFERRER = { name: 'Dr Asha Patel', role: 'GP', odsCode: 'L81001' };

beforeAll(async () => {
  [h, queue] = await Promise.all([launchFirefox(), startRealQueue()]);
});

afterAll(async () => {
  await h?.close();
  await queue?.stop();
});

async function openPadOnDemo(): Promise<{ page: Page; pad: Frame }> {
  const page = await openDemo(h);
  await toggleByShortcut(page);
  const pad = await padFrame(page);
  await pad.waitForSelector('#pad-patient-given');
  return { page, pad };
}

const fieldValue = (pad: Frame, selector: string) =>
  pad.$eval(selector, (element) => (element as HTMLInputElement).value);

describe('the extension in Firefox', () => {
  it('adds one element to the demo practice page, with a closed shadow root', async () => {
    const page = await openDemo(h);
    const added = await page.evaluate(() => {
      const hosts = document.querySelectorAll('social-prescribing-pad');
      const host = hosts[0];
      return { hosts: hosts.length, children: host?.childElementCount, shadowRoot: host?.shadowRoot ?? null };
    });
    // The page cannot open the shadow root; everything of ours is inside it.
    expect(added).toEqual({ hosts: 1, children: 0, shadowRoot: null });
    await page.close();
  });

  it('opens the pad in the sidebar by the shortcut, pre-filled from the banner', async () => {
    await resetExtensionStorage(h, { settings: { model: OPEN_PCN_MODEL }, referrer: REFERRER });
    const { page, pad } = await openPadOnDemo();
    await expect.poll(() => fieldValue(pad, '#pad-patient-given')).toBe('John');
    expect(await fieldValue(pad, '#pad-patient-family')).toBe('SMITH');
    expect(await fieldValue(pad, '#pad-patient-nhsNumber')).toBe('943 476 5919');
    expect(await pad.$eval('#pad-patient-nhsNumber-source', (element) => element.textContent)).toBe('from the record');

    // Another patient chosen in the practice system: the untouched pad follows.
    await page.click('.mw-slot:nth-of-type(2)');
    await expect.poll(() => fieldValue(pad, '#pad-patient-given')).not.toBe('John');
    await page.close();
  });

  it('gives a pad the page frames itself no patient: the page knows its nonce, but our content script never vouched for it', async () => {
    await resetExtensionStorage(h, { settings: { model: OPEN_PCN_MODEL }, referrer: REFERRER });
    const page = await openDemo(h);
    // A hostile page that has learnt the extension's address frames the pad with a nonce of its own choosing.
    const nonce = 'chosen-by-the-page-0123456789';
    await page.evaluate(
      (src) =>
        new Promise((loaded) => {
          const frame = document.createElement('iframe');
          frame.src = src;
          frame.addEventListener('load', loaded);
          document.body.append(frame);
        }),
      `${h.extensionOrigin}/pad.html#${nonce}`,
    );
    const forged = await frameAt(page, `#${nonce}`);
    // Told when the pad has handled the page's message: its own check of the storage is answered before this one's.
    await forged.evaluate(() => {
      addEventListener('message', async () => {
        const storage = (globalThis as unknown as ExtensionStorage).browser.storage.local;
        await storage.get('settings');
        await storage.get('settings');
        document.documentElement.dataset.testHandled = 'yes';
      });
    });
    // The page hands it a port with the right nonce and a patient of its own.
    await page.evaluate(
      (type, chosen) => {
        const channel = new MessageChannel();
        const fake = { recordKey: 'nhs:9434765919', adapterId: 'demo', fields: { given: 'Forged', family: 'PATIENT' } };
        channel.port1.postMessage({ type: 'patient-on-screen', context: fake });
        document.querySelector('iframe')?.contentWindow?.postMessage({ type, nonce: chosen }, '*', [channel.port2]);
      },
      PAD_CHANNEL,
      nonce,
    );
    await forged.waitForFunction(() => document.documentElement.dataset.testHandled === 'yes');
    expect(await forged.evaluate(() => document.documentElement.dataset.handshake)).toBeUndefined();
    expect(await forged.$('#pad-patient-given')).toBeNull();
    await page.close();
  });

  it('sends a referral from the pad: the outbox delivers it and the queue stores it once', async () => {
    await resetExtensionStorage(h, {
      settings: { model: OPEN_PCN_MODEL, queue: { endpoint: `${queue.url}/fhir`, token: queue.token } },
      referrer: REFERRER,
    });
    const { page, pad } = await openPadOnDemo();
    await expect.poll(() => fieldValue(pad, '#pad-patient-given')).toBe('John');
    await pad.click('button::-p-text(Loneliness or isolation)');
    await pad.click('#pad-safety-no-to-rest');
    await pad.click('#pad-consent-referral');
    await pad.click('#pad-consent-sharing');
    await pad.click('#pad-send');
    await pad.waitForSelector('#pad-sent-title::-p-text(Saved — will be sent to)');
    const reference = await pad.$eval('.pad-reference', (element) => element.textContent);

    // The background's outbox (IndexedDB, read from an extension page) delivers it to the real queue, once.
    const outbox = await openExtensionPage(h, 'sidepanel.html');
    await expect
      .poll(() => outboxRows(outbox), { timeout: 30_000 })
      .toEqual([expect.objectContaining({ status: 'delivered', nhsNumber: '9434765919', needs: ['loneliness'] })]);
    const [row] = await outboxRows(outbox);
    const id = row?.id ?? '';
    expect(reference).toBe(referralReference(id));
    expect(await queue.count()).toBe(1);
    expect((await queue.stored(id)).map((referral) => referral.patient.nhsNumber)).toEqual(['9434765919']);
    await outbox.close();
    await page.close();
  });

  it('shows a link worker’s decline in the framed pad of a tab in the background, told by the background (OPEN-6)', async () => {
    await resetExtensionStorage(h, {
      settings: { model: OPEN_PCN_MODEL, queue: { endpoint: `${queue.url}/fhir`, token: queue.token } },
      referrer: REFERRER,
    });
    const { page, pad } = await openPadOnDemo();
    await expect.poll(() => fieldValue(pad, '#pad-patient-given')).toBe('John');
    await pad.click('button::-p-text(Physical activity)');
    await pad.click('#pad-safety-no-to-rest');
    await pad.click('#pad-consent-referral');
    await pad.click('#pad-consent-sharing');
    await pad.click('#pad-send');
    await pad.waitForSelector('#pad-sent-title::-p-text(Saved — will be sent to)');
    const outbox = await openExtensionPage(h, 'sidepanel.html');
    await expect
      .poll(async () => (await outboxRows(outbox)).find((row) => row.needs.includes('physical-activity'))?.status, {
        timeout: 30_000,
      })
      .toBe('delivered');
    const row = (await outboxRows(outbox)).find((each) => each.needs.includes('physical-activity'));
    const reason = 'She already walks with the Tuesday group, which is the same offer.';
    await queue.decline(row?.id ?? '', reason);

    // The demo tab is in the background now (the extension page's tab is in front): the pad's own minute refresh does
    // not run while hidden, so only the background's word after its poll can bring the decline to the framed pad.
    await outbox.evaluate(() =>
      (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime
        .sendMessage({ type: 'outbox:refresh' })
        .catch(() => undefined),
    );
    await expect
      .poll(async () => (await outboxRows(outbox)).find((each) => each.id === row?.id)?.linkWorker?.status, {
        timeout: 20_000,
      })
      .toBe('declined');
    const reference = referralReference(row?.id ?? '');
    await expect
      .poll(
        () =>
          pad.evaluate(
            (wanted) =>
              [...document.querySelectorAll('.pad-sent-item')].find((item) => item.textContent?.includes(wanted))
                ?.textContent ?? '',
            reference,
          ),
        { timeout: 20_000 },
      )
      .toContain(`Declined: ${reason}`);
    await outbox.close();
    await page.close();
  });

  it('saves a model on the options page, and the pad uses it', async () => {
    await resetExtensionStorage(h, { referrer: REFERRER });
    const options = await openExtensionPage(h, 'options.html');
    await options.waitForSelector('::-p-text(No model is set yet.)');
    await options.click('button::-p-text(Load the boundaried example)');
    await options.click('button::-p-text(Save model)');
    await options.waitForSelector('::-p-text(Saved as version 2. The pad uses it from now on.)');
    const saved = (await storedItem(h, 'settings')) as { model?: { kind?: string } };
    expect(saved.model?.kind).toBe('boundaried');

    // The pad checks against the model just saved: its name and agreement head the check.
    const { page, pad } = await openPadOnDemo();
    await pad.click('button::-p-text(Loneliness or isolation)');
    expect(await pad.waitForSelector('.pad-verdict__model ::-p-text(Kingsmead Connect 55+)')).not.toBeNull();
    await options.close();
    await page.close();
  });

  it('runs the pad on a practice system a champion adds on the options page, once Firefox has allowed that site', async () => {
    const origin = `http://${PRACTICE_HOST}/*`;
    const options = await openExtensionPage(h, 'options.html');
    expect(await grantedOrigins(options)).not.toContain(origin);
    const practice = await h.browser.newPage();
    await practice.goto(`${h.demoUrlOnPracticeHost}other-system/`);
    await practice.waitForSelector('.oc-ident');
    expect(await practice.$('social-prescribing-pad')).toBeNull();

    // Saving the adapter asks Firefox for the site, in the click (this profile answers Allow).
    await fillOrchardAdapter(options, 'Orchard Clinical', `http://${PRACTICE_HOST}/other-system/*`);
    await options.click('.options-adapter-editor button[type="submit"]');
    await options.waitForSelector('::-p-text(“Orchard Clinical” is saved. The pad reads pages at)');
    expect(await grantedOrigins(options)).toContain(origin);

    await practice.bringToFront();
    await practice.reload();
    await practice.waitForFunction(() => document.querySelector('social-prescribing-pad') !== null);
    await toggleByShortcut(practice);
    const pad = await padFrame(practice);
    await pad.waitForSelector('#pad-patient-nhsNumber');
    await expect.poll(() => fieldValue(pad, '#pad-patient-nhsNumber')).toBe('485 777 3457');
    expect(await fieldValue(pad, '#pad-patient-family')).toBe('Marsh');

    // The user takes the site away (about:addons, Permissions): the options page says so and offers to ask again.
    await options.bringToFront();
    await options.evaluate(
      (taken) => (globalThis as unknown as Permissions).browser.permissions.remove({ origins: [taken] }),
      origin,
    );
    await options.waitForSelector('#sites-not-allowed');
    await options.click('#sites-not-allowed button');
    await options.waitForSelector('#sites-not-allowed', { hidden: true });
    expect(await grantedOrigins(options)).toContain(origin);
    await practice.close();
    await options.close();
  });
});

type ExtensionStorage = { browser: { storage: { local: { get(key: string): Promise<object> } } } };

/** The frame in the page whose own location ends with `hash`. */
async function frameAt(page: Page, hash: string): Promise<Frame> {
  return vi.waitFor(async () => {
    for (const frame of page.frames()) {
      if ((await frame.evaluate(() => location.hash).catch(() => '')) === hash) return frame;
    }
    throw new Error(`No frame at ${hash}.`);
  });
}

type Permissions = {
  browser: {
    permissions: {
      getAll(): Promise<{ origins?: string[] }>;
      remove(permissions: { origins: string[] }): Promise<boolean>;
    };
  };
};

/** The host permissions the extension holds now (asked from one of its pages). */
async function grantedOrigins(extensionPage: Page): Promise<string[]> {
  return extensionPage.evaluate(
    async () => (await (globalThis as unknown as Permissions).browser.permissions.getAll()).origins ?? [],
  );
}
