import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  choosePatient,
  clearExtensionStorage,
  clickLauncher,
  type Harness,
  isPadShown,
  isPadUrl,
  launch,
  openDemo,
  openExtensionPage,
  padFrame,
  toggleByShortcut,
  whichPatient,
} from '../../test-support/browser/harness';
import { dateOfBirthIn, editPatient } from '../../test-support/browser/pad-browser';
import { orchardDownsAdapter } from '../../test-support/fixtures/adapters';
import { SMITH_ON_SCREEN } from '../../test-support/fixtures/demo-patients';

/** The extension API, as extension pages and the service worker see it (only what these tests call). */
declare const chrome: {
  runtime: { getURL(path: string): string };
  storage: { local: { set(items: object): Promise<void> } };
  tabs: {
    query(filter: { url: string }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
};

let h: Harness;
let page: Page;
beforeAll(async () => {
  h = await launch();
});
afterAll(() => h?.close());
afterEach(async () => {
  await page?.close();
  await clearExtensionStorage(h);
});

/** The pad's field, found by its label as the referrer finds it. */
const field = (pad: Frame, label: string) => pad.getByLabel(label, { exact: true }).inputValue();
const padShows = (pad: Frame, label: string, value: string) =>
  pad.waitForFunction(
    ([label, value]) =>
      (
        Array.from(document.querySelectorAll('label')).find((element) => element.textContent?.trim() === label)
          ?.control as HTMLInputElement | null | undefined
      )?.value === value,
    [label, value],
  );
const shown = (expected: boolean) => expect.poll(() => isPadShown(page)).toBe(expected);

/** A pad that refused the frame handshake: no control and no text at all. */
async function showsNothing(frame: Frame | Page): Promise<void> {
  await frame.waitForFunction(() => document.documentElement.dataset.handshake === 'refused');
  expect(await frame.locator('input, select, textarea, button').count()).toBe(0);
  expect(await frame.evaluate(() => document.body.innerText.trim())).toBe('');
}

/** Adds an iframe to the page (as the page's own script would) and waits for it to load, or to fail to. */
const frameFromPage = (target: Page, src: string) =>
  target.evaluate(
    (src) =>
      new Promise<void>((resolve) => {
        const frame = document.createElement('iframe');
        frame.src = src;
        frame.addEventListener('load', () => resolve());
        document.body.append(frame);
      }),
    src,
  );

describe('opening and closing the pad', () => {
  it('opens by the keyboard shortcut with focus in the pad; Escape closes it and gives focus back', async () => {
    page = await openDemo(h);
    await page.getByRole('textbox', { name: 'New consultation entry' }).click();
    await toggleByShortcut(page);
    await shown(true);
    const pad = await padFrame(page);
    await padShows(pad, 'NHS number', '943 476 5919');
    await pad.waitForFunction(() => document.hasFocus());

    await page.keyboard.press('Escape');
    await shown(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'New consultation entry',
    );

    await toggleByShortcut(page);
    await shown(true);
    // The same shortcut pressed inside the pad (keys there never reach the page) closes it.
    await pad.waitForFunction(() => document.hasFocus());
    await page.keyboard.press('Alt+Shift+S');
    await shown(false);
  });

  it('opens and closes by the launcher tab', async () => {
    page = await openDemo(h);
    await clickLauncher(page);
    await shown(true);
    const pad = await padFrame(page);
    await padShows(pad, 'Family name', 'SMITH');
    await clickLauncher(page);
    await shown(false);
  });

  it('toggles when the background forwards the commands API shortcut', async () => {
    page = await openDemo(h);
    const toggleFromBackground = (url: string) =>
      h.serviceWorker.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url: `${url}*` });
        if (tab?.id !== undefined) await chrome.tabs.sendMessage(tab.id, { type: 'toggle-pad' }, { frameId: 0 });
      }, url);
    await toggleFromBackground(h.demoUrl);
    await shown(true);
    await toggleFromBackground(h.demoUrl);
    await shown(false);

    // In a browser window one press may arrive both as the page's keydown and as the command: it counts once.
    await toggleByShortcut(page);
    await toggleFromBackground(h.demoUrl);
    await shown(true);
    expect(await isPadShown(page)).toBe(true);
  });
});

describe('the patient on screen', () => {
  it('pre-fills the pad from the banner and follows the page to another patient', async () => {
    page = await openDemo(h);
    await toggleByShortcut(page);
    const pad = await padFrame(page);
    await padShows(pad, 'Family name', 'SMITH');
    expect({
      nhsNumber: await field(pad, 'NHS number'),
      given: await field(pad, 'Given name'),
      dateOfBirth: await dateOfBirthIn(pad),
      sex: await field(pad, 'Sex'),
      phone: await field(pad, 'Phone'),
      postcode: await field(pad, 'Postcode'),
    }).toEqual({
      nhsNumber: '943 476 5919',
      given: 'John',
      // As the pad shows them: the date in its day, month and year boxes, sex coded.
      dateOfBirth: '14 6 1954',
      sex: 'male',
      phone: '0117 496 0123',
      postcode: 'BS16 4QG',
    });

    await choosePatient(page, 'OKAFOR');
    await padShows(pad, 'Family name', 'OKAFOR');
    expect(await field(pad, 'NHS number')).toBe('999 001 2342');

    // A patient without a phone: the pad is not left showing the previous patient's.
    await choosePatient(page, 'JONES');
    await padShows(pad, 'Family name', 'JONES');
    expect(await field(pad, 'Phone')).toBe('');
  });

  it('keeps a referral begun for one patient with them when the page moves to another (wrong-patient guard)', async () => {
    page = await openDemo(h);
    await toggleByShortcut(page);
    const pad = await padFrame(page);
    await padShows(pad, 'Family name', 'SMITH');
    await editPatient(pad);
    await pad.getByLabel('Phone', { exact: true }).fill('07700 900123');

    await choosePatient(page, 'PATEL');
    const alert = pad.getByRole('alert').filter({ hasText: 'Check the patient' });
    await alert.waitFor();
    expect(await field(pad, 'Family name')).toBe('SMITH');
    expect(await field(pad, 'NHS number')).toBe('943 476 5919');

    await alert.getByRole('button', { name: /Open the referral for/ }).click();
    await padShows(pad, 'Family name', 'PATEL');
    expect(await field(pad, 'NHS number')).toBe('999 003 4567');
    // His record's alert "Interpreter: Gujarati" is carried into the referral.
    expect(await field(pad, 'Interpreter needed: language (leave blank if none)')).toBe('Gujarati');
  });

  it('answers which-patient from an extension page with what the banner shows now', async () => {
    page = await openDemo(h);
    expect(await whichPatient(h, h.demoUrl)).toEqual(SMITH_ON_SCREEN);
    await choosePatient(page, 'HUGHES');
    expect(await whichPatient(h, h.demoUrl)).toMatchObject({
      recordKey: 'nhs:4010232137',
      fields: { given: 'Alex', sex: 'Other' },
    });
  });
});

describe('a practice champion’s adapter', () => {
  it('makes the pad read another supplier’s page, with no developer involved', async () => {
    const otherSystem = new URL('other-system/', h.demoUrl).href;
    const ask = () => whichPatient(h, otherSystem);
    page = await h.context.newPage();
    await page.goto(otherSystem);
    await page.waitForFunction(() => document.querySelector('social-prescribing-pad') !== null);
    expect(await ask()).toBeNull(); // the generic adapter cannot tell who this is
    await page.close();

    // What the options page saves (there it is checked with adapterSchema first).
    await h.serviceWorker.evaluate(
      (adapters) => chrome.storage.local.set({ adapters }),
      [orchardDownsAdapter(`${otherSystem}*`)],
    );
    page = await h.context.newPage();
    await page.goto(otherSystem);
    await page.waitForFunction(() => document.querySelector('social-prescribing-pad') !== null);
    expect(await ask()).toEqual({
      recordKey: 'nhs:4857773457',
      adapterId: 'orchard-downs',
      fields: { family: 'Marsh', given: 'Eleanor', dateOfBirth: '07/02/1958', sex: 'F', nhsNumber: '485 777 3457' },
    });
    await toggleByShortcut(page);
    const pad = await padFrame(page);
    await padShows(pad, 'Family name', 'Marsh');
    expect(await field(pad, 'NHS number')).toBe('485 777 3457');
  });
});

describe('a hostile host page', () => {
  it('cannot reach into the sidebar or read the pad’s fields', async () => {
    page = await h.context.newPage();
    // Runs before the content script: tries to force our shadow root open and to catch it.
    await page.addInitScript(() => {
      const caught: ShadowRoot[] = [];
      (window as unknown as { caught: ShadowRoot[] }).caught = caught;
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, { ...init, mode: 'open' });
        caught.push(root);
        return root;
      };
    });
    await page.goto(h.demoUrl);
    await page.waitForFunction(() => document.querySelector('social-prescribing-pad') !== null);
    await toggleByShortcut(page);
    const pad = await padFrame(page);
    await padShows(pad, 'NHS number', '943 476 5919');
    await editPatient(pad);
    await pad.getByLabel('Phone', { exact: true }).fill('07700 900999 typed in the pad');

    const attempts = await page.evaluate(() => {
      const host = document.querySelector('social-prescribing-pad');
      const results: Record<string, string> = {
        shadowRoot: String(host?.shadowRoot),
        caughtRoots: String((window as unknown as { caught: ShadowRoot[] }).caught.length),
        iframesInDocument: String(document.querySelectorAll('iframe').length),
        // Frames inside a shadow tree are not even listed in window.frames.
        framesVisibleToPage: String(window.frames.length),
      };
      try {
        results.frameDocument = String(window.frames[0]?.document.body.innerHTML);
      } catch (error) {
        results.frameDocument = (error as Error).name;
      }
      try {
        results.frameLocation = String(window.frames[0]?.location.href);
      } catch (error) {
        results.frameLocation = (error as Error).name;
      }
      results.pageText = document.documentElement.innerText.includes('typed in the pad') ? 'leaked' : 'not in page';
      return results;
    });
    expect(attempts).toEqual({
      shadowRoot: 'null',
      caughtRoots: '0',
      iframesInDocument: '0',
      framesVisibleToPage: '0',
      frameDocument: 'undefined',
      frameLocation: 'undefined',
      pageText: 'not in page',
    });
  });

  it('cannot push a fake patient into the pad by window messages or DOM events', async () => {
    page = await openDemo(h);
    await toggleByShortcut(page);
    const pad = await padFrame(page);
    await padShows(pad, 'Family name', 'SMITH');
    await page.evaluate(() => {
      const context = {
        recordKey: 'nhs:9990045674',
        adapterId: 'meridian-demo',
        fields: { family: 'FAKE', given: 'Eve' },
      };
      const messages = [
        { type: 'patient-on-screen', context },
        { type: 'which-patient' },
        { type: 'confirm-frame', nonce: 'AAAAAAAAAAAAAAAAAAAAAA' },
        context,
      ];
      for (const message of messages) {
        window.postMessage(message, '*');
        for (let i = 0; i < window.frames.length; i++) window.frames[i]?.postMessage(message, '*');
        document.dispatchEvent(new CustomEvent('patient-on-screen', { detail: message }));
      }
    });
    // Then a real change: once the pad shows it, the fakes (sent before) have had their chance.
    await choosePatient(page, 'PATEL');
    await padShows(pad, 'Family name', 'PATEL');
    expect(await field(pad, 'Given name')).toBe('Ravi');
  });

  it('hears nothing from us by window messages: no announcement, no extension id', async () => {
    page = await h.context.newPage();
    // Listening from before any script of the page or of ours runs.
    await page.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      addEventListener('message', (event) => heard.push(JSON.stringify(event.data)));
    });
    await page.goto(h.demoUrl);
    await page.locator('.mw-pname').waitFor();
    await page.waitForFunction(() => document.querySelector('social-prescribing-pad') !== null);
    await toggleByShortcut(page);
    await padShows(await padFrame(page), 'Family name', 'SMITH');
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
  });

  it('cannot load the pad in a frame of its own, with a forged nonce or none', async () => {
    page = await openDemo(h);
    for (const hash of ['#ForgedNonceForgedNonce12', '']) {
      const src = `chrome-extension://${h.extensionId}/pad.html${hash}`;
      // The browser refuses: the pad is web-accessible only by its per-session dynamic URL (use_dynamic_url).
      await frameFromPage(page, src);
      expect(page.frames().filter((frame) => frame.url() === src)).toEqual([]);
    }
    // Only our own pad (loaded hidden by the content script) is in the page.
    expect(page.frames().filter((frame) => isPadUrl(frame.url()))).toHaveLength(1);
  });

  it('a pad framed by anything but our content script shows nothing (the frame handshake)', async () => {
    page = await openDemo(h);
    // Opened on its own in a tab, with a forged nonce or none.
    for (const hash of ['#ForgedNonceForgedNonce12', '']) {
      const alone = await openExtensionPage(h, `pad.html${hash}`);
      await showsNothing(alone);
      await alone.close();
    }
    // Framed by an extension page (a web page cannot frame it at all, above): no content script there vouches for it.
    const host = await openExtensionPage(h, 'sidepanel.html');
    const src = `chrome-extension://${h.extensionId}/pad.html#ForgedNonceForgedNonce12`;
    const navigated = host.waitForEvent('framenavigated', { predicate: (frame) => frame.url() === src });
    await host.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, src);
    await showsNothing(await navigated);
    await host.close();
  });

  it('cannot probe for the extension by the pad’s static URL; framed by its dynamic URL, the pad shows nothing', async () => {
    // Any http(s) page may frame the pad (practice systems are added at run time), but only by its per-session dynamic
    // URL, which only the extension's own scripts are given. Here pages are handed it, as if it had leaked.
    const extensionPage = await openExtensionPage(h, 'options.html');
    const dynamicUrl = await extensionPage.evaluate(() => chrome.runtime.getURL('pad.html'));
    await extensionPage.close();
    expect(new URL(dynamicUrl).host).not.toBe(h.extensionId);
    const staticUrl = `chrome-extension://${h.extensionId}/pad.html`;
    const forged = '#ForgedNonceForgedNonce12';
    const framedByPage = () => page.frames().filter((frame) => isPadUrl(frame.url()) && frame.url().endsWith(forged));
    const read = (url: string) =>
      page.evaluate(
        (url) =>
          fetch(url).then(
            (response) => (response.ok ? 'read' : 'refused'),
            () => 'refused',
          ),
        url,
      );

    // A page our content script runs in, and one it does not run in (no adapter is for it).
    for (const url of [h.demoUrl, h.demoUrlWithoutExtension]) {
      page = await h.context.newPage();
      await page.goto(url);
      await page.locator('.mw-pname').waitFor();
      expect(await read(staticUrl)).toBe('refused');
      await frameFromPage(page, `${staticUrl}${forged}`);
      expect(framedByPage()).toEqual([]);

      expect(await read(dynamicUrl)).toBe('read');
      const navigated = page.waitForEvent('framenavigated', {
        predicate: (frame) => isPadUrl(frame.url()) && frame.url().endsWith(forged),
      });
      await frameFromPage(page, `${dynamicUrl}${forged}`);
      await showsNothing(await navigated);
      await page.close();
    }
  });
});

describe('the host page’s DOM', () => {
  it('gains exactly one element, however the pad is used', async () => {
    const signature = (p: Page) =>
      p.evaluate(() => Array.from(document.querySelectorAll('*'), (e) => `${e.localName}.${e.className}`));
    page = await openDemo(h);
    await toggleByShortcut(page);
    await padShows(await padFrame(page), 'Family name', 'SMITH');
    await choosePatient(page, 'OKAFOR');
    await toggleByShortcut(page);
    const withUs = await signature(page);

    const without = await h.context.newPage();
    await without.goto(h.demoUrlWithoutExtension);
    await without.locator('.mw-pname').waitFor();
    await choosePatient(without, 'OKAFOR');
    const withoutUs = await signature(without);
    await without.close();

    const added = [...withUs];
    for (const element of withoutUs) added.splice(added.indexOf(element), 1);
    expect(added).toEqual(['social-prescribing-pad.']);
    expect(withUs.length).toBe(withoutUs.length + 1);
  });
});
