// `npm start`: builds the demo extension, runs the link worker's queue and the demo practice system, checks that the
// extension's demo settings can deliver to that queue, and opens a browser with the extension loaded and the demo and
// the inbox in tabs (where one is found and can show a window). `--no-browser` (or NO_BROWSER=1) skips the browser.
// Ctrl+C stops everything it started. Each part starts in its own function.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoPractice } from './demo-practice.mjs';
import { canShowWindow, findBrowser, openBrowser } from './open-browser.mjs';
import { startQueue } from './start-queue.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where the demo build goes (wxt.config.ts), apart from the production and the tests' builds. */
const EXTENSION_DIR = resolve(ROOT, '.output/demo/chrome-mv3');
/** The browser's profile for the demo, kept between runs (drafts, the outbox), beside the queue's data. */
const PROFILE_DIR = resolve('.data/browser-profile');
/** The one source of the demo's practice, token and queue endpoint: the extension's demo settings are built from it. */
const DEMO = JSON.parse(readFileSync(new URL('../demo/demo-settings.json', import.meta.url), 'utf8'));

/** What to stop on Ctrl+C, last started first. */
const running = [];
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const part of running.reverse()) await part.close().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
process.on('SIGHUP', () => void stop()); // the terminal closed

/** `wxt build` with the demo's example model seeded, into .output/demo. */
function buildDemoExtension() {
  const wxt = resolve(ROOT, 'node_modules/wxt/bin/wxt.mjs');
  const child = spawn(process.execPath, [wxt, 'build'], {
    cwd: ROOT,
    env: { ...process.env, WXT_SEED_DEMO_MODEL: 'true' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  running.push({ close: async () => void child.kill('SIGTERM') });
  return new Promise((resolveBuild, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      running.pop();
      if (code === 0) resolveBuild(undefined);
      else reject(new Error(`The extension did not build (wxt build exited with ${code}).`));
    });
  });
}

/** The extension's demo settings, checked as its Test connection checks them: the queue must take that token there. */
async function checkDemoCanDeliver() {
  const { endpoint, token } = DEMO.queue;
  const response = await fetch(`${endpoint}/Organization`, {
    headers: { Accept: 'application/fhir+json', Authorization: `Bearer ${token}` },
  }).catch((error) => ({ ok: false, status: error.message }));
  if (!response.ok) {
    throw new Error(
      `The extension's demo settings send referrals to ${endpoint}, but the queue answered ${response.status} there: the demo could not deliver. Check demo/demo-settings.json.`,
    );
  }
  console.log(`The extension sends referrals to ${endpoint} as ${DEMO.practice.name} (${DEMO.practice.odsCode}).`);
}

/** Why no browser is opened, if none is. */
function whyNoBrowser(executable) {
  if (process.argv.includes('--no-browser') || process.env.NO_BROWSER === '1')
    return 'No browser opened (--no-browser).';
  if (!executable) return 'No Chromium, Chrome or Edge was found to open (set CHROME_PATH to one).';
  if (!canShowWindow()) return 'There is no display to open a browser on.';
  return undefined;
}

/** The browser with the extension, or the steps to load it by hand when there is none to open. */
function openOrExplain(urls) {
  const executable = findBrowser();
  const steps = `load the extension from ${EXTENSION_DIR} (chrome://extensions, Developer mode, Load unpacked), then open ${urls[0]}`;
  const why = whyNoBrowser(executable);
  if (why) {
    console.log(`${why} To try it: ${steps}.`);
    return;
  }
  const browser = openBrowser({ executable, extensionDir: EXTENSION_DIR, profileDir: PROFILE_DIR, urls });
  running.push(browser);
  console.log(`Opened ${executable} with the extension (profile ${relative(process.cwd(), PROFILE_DIR)}), the demo`);
  console.log(`  practice system and the link worker's inbox in its tabs. No pad launcher on the demo page? ${steps}.`);
  void browser.exited.then(() => {
    if (!stopping) console.log('The browser was closed; the queue and the demo keep running until Ctrl+C.');
  });
}

try {
  await buildDemoExtension();
  // The queue's TypeScript is run through tsx, which reads the tsconfig (JSX for the inbox's pages) from the working
  // directory unless told: without it, from any other folder, every inbox page failed with a ReferenceError.
  process.env.TSX_TSCONFIG_PATH ??= resolve(ROOT, 'tsconfig.json');
  running.push(await startQueue());
  const demo = await startDemoPractice({ port: Number(process.env.DEMO_PORT ?? 5173) });
  running.push(demo);
  console.log(`Demo practice system: ${demo.url} (another supplier's page: ${demo.url}other-system/)`);
  await checkDemoCanDeliver();
  openOrExplain([demo.url, new URL('/inbox', DEMO.queue.endpoint).href]);
  console.log('Ready. Ctrl+C stops everything npm start started.');
} catch (error) {
  if (!stopping) {
    console.error((error instanceof Error && error.message) || error);
    await stop(1);
  }
}
