import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  grantedOrigins,
  type Harness,
  isPadUrl,
  launchWithGrantedOrigins,
  PRACTICE_HOST,
  whichPatient,
} from '../../test-support/browser/harness';
import {
  fillOrchardAdapter,
  ORCHARD_PATIENT_IN_PAD,
  openOptions,
  openPadOnPage,
  patientInPad,
  registeredContentScripts,
  saveAdapter,
} from '../../test-support/browser/options-browser';
import { seriousViolations } from '../../test-support/browser/pad-browser';

/** The champion's adapters as the extension stored them (undefined: none saved). */
async function storedAdapters(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
    };
    return (await chrome.storage.local.get('adapters')).adapters;
  });
}

/**
 * A practice system on an origin of its own (was hazard OPEN-2): not localhost nor 127.0.0.1, so nothing in the manifest
 * names it, neither its host permission nor its content script. `practice.test` is the demo server on 127.0.0.1 under
 * another name (--host-resolver-rules). The champion has allowed the extension on that site: headless Chromium cannot
 * answer the browser's permission prompt, so the profile starts with the grant (launchWithGrantedOrigins), and the
 * options page's `permissions.request` then answers at once.
 */
const ORIGIN = `http://${PRACTICE_HOST}/*`;
let h: Harness;
let options: Page;

beforeAll(async () => {
  h = await launchWithGrantedOrigins([ORIGIN]);
  options = await openOptions(h.context, h.extensionId);
});

afterAll(async () => {
  await h?.close();
});

describe('a practice system a champion adds at run time, on its own origin', () => {
  it('can be tried before it is saved: the browser is asked for the site in the click, and nothing is registered', async () => {
    // As for a site the extension has never been allowed on: the tab's address is hidden from it until then.
    await options.evaluate(
      (origin) =>
        (
          globalThis as unknown as { chrome: { permissions: { remove(p: { origins: string[] }): Promise<boolean> } } }
        ).chrome.permissions.remove({ origins: [origin] }),
      ORIGIN,
    );
    expect(await grantedOrigins(h)).not.toContain(ORIGIN);
    const practice = await h.context.newPage();
    await practice.goto(`${h.demoUrlOnPracticeHost}other-system/`);
    await practice.locator('.oc-ident').waitFor();

    const editor = await fillOrchardAdapter(options, 'Orchard Clinical', `http://${PRACTICE_HOST}/other-system/*`);
    // The browser's prompt is answered yes at once here: this profile's user allowed the site before.
    await editor.getByRole('button', { name: 'Try on an open page' }).click();
    const table = editor.locator('#adapter-test-result');
    await table.waitFor();
    expect(await table.locator('[data-field="nhsNumber"] td').textContent()).toBe('485 777 3457');
    expect(await table.locator('[data-field="postcode"] td').textContent()).toBe('BS8 2XY');
    // Tried, not saved: no content script registered, no adapter stored.
    expect(await registeredContentScripts(options)).toEqual([]);
    expect(await storedAdapters(options)).toBeUndefined();
    // Given up: the site allowed only for the trial is given back, not kept.
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => grantedOrigins(h)).not.toContain(ORIGIN);
    await practice.close();
  });

  it('is added purely through the options page, and the pad opens there pre-filled from its banner', async () => {
    const url = `${h.demoUrlOnPracticeHost}other-system/`;
    const practice = await h.context.newPage();
    await practice.goto(url);
    await practice.locator('.oc-ident').waitFor();
    // Before the adapter, no content script of ours is in that page to answer.
    await expect(whichPatient(h, url)).rejects.toThrow();

    // As a champion writes it for a real supplier: the site, any port, the record pages.
    await fillOrchardAdapter(options, 'Orchard Clinical', `http://${PRACTICE_HOST}/other-system/*`);
    await saveAdapter(options, 'Orchard Clinical');
    expect(await grantedOrigins(h)).toContain(ORIGIN);
    expect(await registeredContentScripts(options)).toEqual([
      expect.objectContaining({
        id: 'champion-adapter-orchard-clinical',
        matches: [`http://${PRACTICE_HOST}/other-system/*`],
      }),
    ]);

    await practice.reload();
    const pad = await openPadOnPage(practice);
    // The sidebar's frame is the extension's pad page, shown because our content script confirmed its nonce.
    expect(isPadUrl(pad.url())).toBe(true);
    expect(await pad.evaluate(() => document.documentElement.dataset.handshake)).toBe('confirmed');
    expect(await patientInPad(pad)).toEqual(ORCHARD_PATIENT_IN_PAD);
    await practice.close();
  });

  it('says so on the options page, with the button that asks, when the browser is no longer allowed on that site', async () => {
    const notice = options.locator('#sites-not-allowed');
    expect(await grantedOrigins(h)).toContain(ORIGIN);
    // The user takes the site away from the extension (as chrome://extensions does); a policy adapter for a site never
    // allowed is the same case.
    await options.evaluate(
      (origin) =>
        (
          globalThis as unknown as { chrome: { permissions: { remove(p: { origins: string[] }): Promise<boolean> } } }
        ).chrome.permissions.remove({ origins: [origin] }),
      ORIGIN,
    );
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`The browser has not allowed this extension on ${ORIGIN}.`);
    expect(await notice.getByRole('button', { name: 'Allow the pad on this site' }).isEnabled()).toBe(true);
    expect(await seriousViolations(options)).toEqual([]);
  });
});
