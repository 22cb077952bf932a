import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { CHROMIUM, padFrame, screenshotForDocs, toggleByShortcut } from '../../test-support/browser/harness';
import { type NpmStart, processesFrom, runNpmStart } from '../../test-support/start/npm-start';

/**
 * The product as a newcomer gets it: `npm start` itself (scripts/start.mjs, run as a child process in a folder of its
 * own), which builds the demo extension, starts the queue and the demo practice system on their usual ports, and seeds
 * the demo settings. Nothing here sets an endpoint, a token or a model: what the person sees is what the demo gives.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const PRINTED = {
  demo: /Demo practice system: (\S+)/,
  inbox: /Link worker's queue: (\S+)/,
  username: /sign in as "([^"]+)"/,
  password: /password "([^"]+)"/,
  extension: /oad the extension from (\S+) \(chrome:\/\/extensions/,
};
const STARTING = 150_000; // the build and the embedded database's first start, on a loaded 2-core machine

let started: NpmStart | undefined;
let browser: BrowserContext | undefined;
afterEach(async () => {
  await browser?.close().catch(() => undefined);
  await started?.cleanUp();
  browser = undefined;
  started = undefined;
});

/** Needs, safety questions, consents, Send, as a GP does in the demo; gives the reference the pad shows. */
async function referFromPad(pad: Frame): Promise<string> {
  await pad.getByLabel('Your name').fill('Dr Newcomer');
  await pad.getByLabel('Your role').fill('GP');
  await pad.getByRole('button', { name: 'Loneliness or isolation' }).click();
  await pad.getByLabel(/What matters to the patient/).fill('Meeting people again');
  // John SMITH, 72, lives alone in BS16: in the demo model, as a newcomer's first referral should be.
  await pad.getByRole('button', { name: 'No to all five safety questions' }).click();
  await pad.getByLabel('The patient agrees to be referred to social prescribing').check();
  await pad.getByLabel('The patient agrees to their details being shared with the service').check();
  const send = pad.getByRole('button', { name: 'Send referral' });
  // Enabled, or the reason the pad gives beside it.
  await expect
    .poll(async () => (await send.isEnabled()) || (await pad.locator('#pad-send-reason').textContent()))
    .toBe(true);
  await send.click();
  await pad.getByRole('heading', { name: /^Saved — will be sent to / }).waitFor();
  return (await pad.locator('.pad-reference').textContent()) ?? '';
}

/** The link worker signs in to the inbox npm start printed, with the sign-in it printed, and finds the reference. */
async function findInInbox(page: Page, inbox: string, username: string, password: string, reference: string) {
  await page.goto(inbox);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const row = page.getByRole('row').filter({ hasText: reference });
  await row.waitFor();
  return row.locator('td').allTextContents();
}

/** Whether anything still listens on 127.0.0.1 at this port. */
function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

describe('npm start, as a newcomer runs it', () => {
  it(
    'a referral sent from the pad on the demo practice system reaches the demo link worker’s inbox',
    async () => {
      started = runNpmStart(['--no-browser']);
      const [demo = '', inbox = '', username = '', password = '', extension = ''] = await started.waitFor(
        PRINTED.demo,
        PRINTED.inbox,
        PRINTED.username,
        PRINTED.password,
        PRINTED.extension,
      );
      // The person loads the folder npm start named, as its steps say, in a browser of their own.
      const extensionDir = resolve(ROOT, extension);
      browser = await chromium.launchPersistentContext(join(started.dir, 'own-browser'), {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          `--disable-extensions-except=${extensionDir}`,
          `--load-extension=${extensionDir}`,
          '--no-first-run',
          '--disable-gpu',
          '--no-sandbox',
        ],
      });
      const practice = await browser.newPage();
      await practice.goto(demo);
      await practice.locator('.mw-pname').waitFor();
      await practice.waitForFunction(() => document.querySelector('social-prescribing-pad') !== null);
      await toggleByShortcut(practice);
      const pad = await padFrame(practice);
      await expect.poll(() => pad.getByLabel('Given name', { exact: true }).inputValue()).toBe('John');
      const reference = await referFromPad(pad);

      const sent = pad.locator('section[aria-labelledby="pad-sent-this-patient"] .pad-sent-item', {
        hasText: reference,
      });
      await expect
        .poll(() => sent.textContent(), { timeout: 30_000 })
        .toMatch(/Delivered — awaiting the link worker|Needs attention.*/);
      expect(await sent.textContent()).toContain('Delivered — awaiting the link worker');

      const cells = await findInInbox(await browser.newPage(), inbox, username, password, reference);
      expect(cells[1]).toBe(reference);
      expect(cells[2]).toContain('NHS 943 476 5919');
      expect(cells[3]).toBe('Demo Surgery');
      expect(cells[4]).toBe('Loneliness or isolation');
      expect(await started.interrupt()).toBe(0);
    },
    STARTING + 90_000,
  );

  it(
    'opens a browser with the extension, the demo and the inbox in tabs; Ctrl+C leaves nothing running',
    async () => {
      // Chromium stands in for the person's browser (CHROME_PATH, which npm start honours, as Chrome's own launcher
      // does): the full browser, drawn on no screen (Ozone's headless platform; the --headless mode would refuse two
      // tabs), with DevTools on so that this test can look at what it shows.
      const wrapper = join(mkdtempSync(join(tmpdir(), 'sp-pad-chromium-')), 'chromium');
      writeFileSync(
        wrapper,
        `#!/bin/sh\nexec ${CHROMIUM} --ozone-platform=headless --remote-debugging-port=0 --no-sandbox --disable-gpu --window-size=1280,800 "$@"\n`,
        { mode: 0o755 },
      );
      started = runNpmStart([], { CHROME_PATH: wrapper, DISPLAY: ':99' });
      const [demo = '', inbox = ''] = await started.waitFor(PRINTED.demo, PRINTED.inbox, /^(Ready)\./m);
      const profile = join(started.dir, '.data/browser-profile');
      const portFile = join(profile, 'DevToolsActivePort');
      await expect
        .poll(() => existsSync(portFile) && readFileSync(portFile, 'utf8').includes('\n'), { timeout: 30_000 })
        .toBe(true);
      const port = readFileSync(portFile, 'utf8').split('\n')[0];
      const opened = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      try {
        const context = opened.contexts()[0];
        if (!context) throw new Error('The browser npm start opened has no window.');
        await expect
          .poll(
            () =>
              context
                .pages()
                // The inbox sends a browser with no session on to its sign-in page.
                .map((page) => (page.url().startsWith(inbox) ? inbox : page.url()))
                .sort(),
            { timeout: 30_000 },
          )
          .toEqual([demo, inbox].sort());
        // The extension is loaded: its content script has added the pad's launcher to the demo practice page.
        const practice = context.pages().find((page) => page.url() === demo) as Page;
        await practice.bringToFront();
        await practice.locator('.mw-pname').waitFor();
        await practice.waitForFunction(() => document.querySelector('social-prescribing-pad') !== null);
        await screenshotForDocs(practice, 'first-run.png');
      } finally {
        await opened.close();
      }
      expect(processesFrom(profile).length).toBeGreaterThan(0);

      expect(await started.interrupt()).toBe(0);
      await expect.poll(() => processesFrom(started?.dir ?? ''), { timeout: 30_000 }).toEqual([]);
      expect([await listening(5173), await listening(8787)]).toEqual([false, false]);
    },
    STARTING + 60_000,
  );
});
