/**
 * The practice page: the content script's size gzipped, the elements it adds to the host page, and the time from the
 * shortcut to a pad that is interactive with the patient filled in (real Chromium, the built extension, the demo system).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { buildTestExtension } from '../test-support/browser/build';
import {
  choosePatient,
  clearExtensionStorage,
  EXTENSION_DIR,
  launch,
  openDemo,
  padFrame,
  toggleByShortcut,
} from '../test-support/browser/harness';
import { median } from './measure';
import type { RecordMetric } from './run';

const RUNS = 20;

/**
 * Runs in every pad frame from its start (an init script): records the first animation frame at which the pad is
 * interactive with the patient filled (its NHS number field shows the record's and the pad has focus), on the pad's
 * clock. Watching from inside the pad, set before the key is pressed, leaves out the test driver's own round trips
 * (a wait set up after the press counted them: tens of ms on a quiet machine, hundreds on a loaded one).
 */
const WATCH_PAD_READY = `(() => {
  if (location.protocol !== 'chrome-extension:' || location.pathname !== '/pad.html') return;
  const check = () => {
    const label = Array.from(document.querySelectorAll('label')).find((e) => e.textContent.trim() === 'NHS number');
    if (label?.control?.value === '943 476 5919' && document.hasFocus()) {
      window.padReadyAt = performance.timeOrigin + performance.now();
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

export async function measure(record: RecordMetric): Promise<undefined> {
  buildTestExtension('ignore');
  const script = readFileSync(join(EXTENSION_DIR, 'content-scripts/practice.js'));
  record('practice: content script gzipped', {
    value: gzipSync(script, { level: 9 }).length / 1024,
    unit: 'KB',
    goal: 6,
    better: 'lower',
  });
  const h = await launch();
  await h.context.addInitScript(WATCH_PAD_READY);
  try {
    record('practice: elements added to the host page', {
      value: await elementsAdded(h),
      unit: 'elements',
      goal: 1,
      better: 'lower',
    });
    // Each run starts as a new consultation: no drafts left from the one before.
    await clearExtensionStorage(h);
    // As a GP meets it: the record has been on screen a moment, and the pad has loaded hidden.
    const ready: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await openDemo(h);
      await (await padFrame(page)).getByLabel('NHS number', { exact: true }).waitFor({ state: 'attached' });
      ready.push(await shortcutToPad(page));
      await clearExtensionStorage(h);
    }
    record('practice: shortcut to pad interactive, patient filled (median of 20)', {
      value: median(ready),
      unit: 'ms',
      goal: 35,
      better: 'lower',
    });
    // The shortcut pressed the moment the page shows the patient: the pad may still be loading.
    const atOnce: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      atOnce.push(await shortcutToPad(await openDemo(h)));
      await clearExtensionStorage(h);
    }
    record('practice: same, shortcut pressed as the page loads (median of 20)', {
      value: median(atOnce),
      unit: 'ms',
      goal: 35,
      better: 'lower',
    });
    return undefined;
  } finally {
    await h.close();
  }
}

/** From the key press (the page's own timestamp of the event) to the first frame the pad is ready (the pad's clock). */
async function shortcutToPad(page: Page): Promise<number> {
  await page.evaluate(() => {
    addEventListener('keydown', (event) => {
      (window as unknown as { pressedAt: number }).pressedAt = performance.timeOrigin + event.timeStamp;
    });
  });
  await toggleByShortcut(page);
  const pad = await padFrame(page);
  // A function, not a string: the pad's CSP refuses eval, which a string predicate needs once it polls.
  const ready = await pad.waitForFunction(() => (window as unknown as { padReadyAt?: number }).padReadyAt);
  const readyAt = (await ready.jsonValue()) as number;
  const pressedAt = await page.evaluate(() => (window as unknown as { pressedAt: number }).pressedAt);
  await page.close();
  return readyAt - pressedAt;
}

/** Elements in the page with the extension, after opening the pad and switching patient, minus the same without it. */
async function elementsAdded(h: Awaited<ReturnType<typeof launch>>): Promise<number> {
  const count = (page: Page) => page.evaluate(() => document.querySelectorAll('*').length);
  const withUs = await openDemo(h);
  await toggleByShortcut(withUs);
  await padFrame(withUs);
  await choosePatient(withUs, 'OKAFOR');
  const without = await h.context.newPage();
  await without.goto(h.demoUrlWithoutExtension);
  await choosePatient(without, 'OKAFOR');
  const added = (await count(withUs)) - (await count(without));
  await withUs.close();
  await without.close();
  return added;
}
