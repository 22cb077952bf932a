import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../domain/settings/demo';
import {
  choosePatient,
  type Harness,
  launch,
  openDemo,
  openExtensionPage,
  padFrame,
  screenshotForDocs,
  toggleByShortcut,
} from '../../test-support/browser/harness';
import { clearExtensionStorage, seriousViolations, setExtensionStorage } from '../../test-support/browser/pad-browser';

/**
 * The pad's layout as a GP meets it beside the demo practice system on a 1,366 x 768 screen, in an en-GB and an en-US
 * browser: the summary bar (patient, verdict, Send and why it is off) in view at every step, the patient from the
 * record in one line, a typical referral no more than two screens tall and at most 6 clicks or key presses.
 */
const SCREEN = { width: 1366, height: 768 };
const REFERRER = { name: 'Dr Asha Patel', role: 'GP', odsCode: 'Y00001' };
/** A queue nothing listens on (port 9, discard): these tests look at the pad; delivery is tested elsewhere. */
const QUEUE = { endpoint: 'http://127.0.0.1:9/fhir', token: 'practice-token' };

async function freshStorage(h: Harness): Promise<void> {
  const page = await openExtensionPage(h, 'sidepanel.html');
  await clearExtensionStorage(page);
  await setExtensionStorage(page, { settings: { model: DEMO_SETTINGS.model, queue: QUEUE }, referrer: REFERRER });
  await page.close();
}

/** The demo consultation screen at 1,366 x 768 with `family` on screen, and the pad opened by its shortcut. */
async function padFor(h: Harness, family: string): Promise<{ page: Page; pad: Frame }> {
  const page = await openDemo(h);
  await page.setViewportSize(SCREEN);
  if (family !== 'SMITH') await choosePatient(page, family);
  await toggleByShortcut(page);
  const pad = await padFrame(page);
  await pad.locator('#pad-send').waitFor();
  return { page, pad };
}

type Layout = { barInView: boolean; barTop: number; scrollHeight: number; viewport: number };

/** Where the summary bar is against the pad's viewport, and how tall the pad is. */
const layout = (pad: Frame): Promise<Layout> =>
  pad.evaluate(() => {
    const box = document.querySelector('.pad-bar')?.getBoundingClientRect();
    const inView =
      box !== undefined &&
      box.height > 0 &&
      box.top >= 0 &&
      box.left >= 0 &&
      box.bottom <= window.innerHeight &&
      box.right <= window.innerWidth;
    return {
      barInView: inView,
      barTop: box?.top ?? 0,
      scrollHeight: document.documentElement.scrollHeight,
      viewport: window.innerHeight,
    };
  });

/** The pad's frame is on the screen whole (the sidebar is the full height of the window). */
async function frameOnScreen(pad: Frame): Promise<boolean> {
  const box = await (await pad.frameElement()).boundingBox();
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= SCREEN.height + 1;
}

describe.each(['en-GB', 'en-US'])('a typical referral in an %s browser at 1,366 x 768', (lang) => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch({ lang });
    await freshStorage(h);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('takes at most 6 actions with the summary bar in view at every step, in at most two screens', async () => {
    let actions = 0;
    let step = 0;
    let page: Page | undefined;
    let pad: Frame | undefined;
    /** One click or key press, then what the GP sees: the bar in view, the pad no taller than two screens. */
    const act = async (name: string, what: () => Promise<void>) => {
      actions++;
      await what();
      if (!page || !pad) throw new Error('The pad is not open');
      step++;
      await screenshotForDocs(page, `pad-${lang}-${step}-${name}.png`);
      if (name === 'sent') return;
      const seen = await layout(pad);
      expect(seen.barInView, `the summary bar in view after "${name}"`).toBe(true);
      expect(seen.scrollHeight, `the pad's height after "${name}"`).toBeLessThanOrEqual(2 * seen.viewport);
    };

    await act('opened', async () => {
      ({ page, pad } = await padFor(h, 'SMITH'));
    });
    if (!page || !pad) throw new Error('The pad is not open');
    const frame = pad;
    expect(await frame.evaluate(() => navigator.language)).toBe(lang);
    expect(await frameOnScreen(frame)).toBe(true);
    expect(await frame.locator('#pad-patient-line').textContent()).toContain(
      'John SMITH · 943 476 5919 · 14 Jun 1954 · from the record',
    );
    expect(await frame.locator('body').innerText()).not.toMatch(/06\/14\/1954|14\/06\/1954/);
    expect(await frame.locator('.pad-bar__patient strong').textContent()).toBe('John SMITH · 943 476 5919');

    // Free text is not counted: what matters to the patient, in their words.
    await frame.getByLabel(/^What matters to the patient/).fill('Meeting people again, like at the bowls club');
    await act('need', () => frame.getByRole('button', { name: 'Loneliness or isolation' }).click());
    await act('safety', () => frame.getByRole('button', { name: 'No to all five safety questions' }).click());
    await act('consent', () => frame.getByLabel('The patient agrees to be referred to social prescribing').check());
    await act('sharing', () =>
      frame.getByLabel('The patient agrees to their details being shared with the service').check(),
    );
    // Ready: the bar says the verdict in the headline's words, and Send is on. What was typed first is still there (text
    // typed into a pad focused before it loaded went nowhere, and this said "Not complete yet": P7, was OPEN-5).
    await expect.poll(() => frame.locator('.pad-verdict__outcome').textContent()).toMatch(/^In the agreed model/);
    expect(await frame.getByLabel(/^What matters to the patient/).inputValue()).toBe(
      'Meeting people again, like at the bowls club',
    );
    const headline = await frame.locator('.pad-verdict__outcome').textContent();
    expect(await frame.locator('.pad-bar__verdict').textContent()).toBe(headline);
    expect(await frame.locator('#pad-send').isEnabled()).toBe(true);
    await act('sent', () => frame.getByRole('button', { name: 'Send referral' }).click());
    await frame.getByRole('heading', { name: /^Saved — will be sent to / }).waitFor();

    expect(actions).toBeLessThanOrEqual(6);
    await page.close();
  });
});

describe('the summary bar and the folded sections', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('never covers the field in focus: each control reached by Tab stops above the bar', {
    timeout: 180_000,
  }, async () => {
    await freshStorage(h);
    const { page, pad } = await padFor(h, 'SMITH');
    // Every section open, so that Tab goes through every control the pad has.
    await pad.getByRole('button', { name: 'edit the patient’s details' }).click();
    await expect.poll(() => pad.evaluate(() => document.activeElement?.id)).toBe('pad-patient-nhsNumber');
    await pad.getByRole('button', { name: 'change contact and access' }).click();
    await pad.getByRole('button', { name: 'change the referrer' }).click();
    const covered: string[] = [];
    // Tab pressed in the pad's own frame (an out-of-process frame: the page's keyboard goes to the page's focus).
    const frameInput = await page.context().newCDPSession(pad);
    const tab = async () => {
      for (const type of ['keyDown', 'keyUp'] as const) {
        await frameInput.send('Input.dispatchKeyEvent', { type, key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 });
      }
    };
    await pad.locator('#pad-patient-nhsNumber').focus();
    // Send is off (nothing answered yet), so Tab goes from the last control of the pad to the document, then round.
    let visited = 0;
    for (let presses = 0; presses < 100; presses++) {
      await tab();
      const where = await pad.evaluate(() => {
        const focused = document.activeElement as HTMLElement | null;
        const bar = document.querySelector('.pad-bar');
        if (!focused || !bar || focused === document.body || bar.contains(focused)) return 'end';
        const box = focused.getBoundingClientRect();
        const under = box.bottom > bar.getBoundingClientRect().top + 1 || box.top < 0;
        return under ? `${focused.tagName}#${focused.id} (${focused.textContent?.slice(0, 40)})` : 'clear';
      });
      if (where === 'end') break;
      visited++;
      if (where !== 'clear') covered.push(where);
    }
    expect(covered).toEqual([]);
    // Every control of the open pad: patient, needs, safety, the check's links, contact, consent, referrer, Sent.
    expect(visited).toBeGreaterThan(40);
    await page.close();
  });

  it('opens the patient’s fields by itself where a detail is missing (no phone), and keeps Send’s reason in view', async () => {
    await freshStorage(h);
    const { page, pad } = await padFor(h, 'JONES');
    // Margaret JONES has no telephone: the fields are open, and so is contact (a letter is the way out).
    await pad.getByLabel('Phone', { exact: true }).waitFor();
    expect(await pad.locator('#pad-patient-line').count()).toBe(0);
    expect(await pad.getByLabel('Letter').isVisible()).toBe(true);
    expect(await pad.locator('#pad-referrer-line').textContent()).toContain('Dr Asha Patel, GP, Y00001');
    expect((await layout(pad)).barInView).toBe(true);
    expect(await pad.locator('#pad-send-reason').textContent()).toMatch(/^Not complete yet/);
    await page.close();
  });

  it('says in the bar that another patient is on screen, with Send off and the guard pinned at the top', async () => {
    await freshStorage(h);
    const { page, pad } = await padFor(h, 'SMITH');
    await pad.getByRole('button', { name: 'Loneliness or isolation' }).click();
    await pad.getByRole('button', { name: 'No to all five safety questions' }).click();
    await pad.getByLabel('The patient agrees to be referred to social prescribing').check();
    await choosePatient(page, 'OKAFOR');
    await pad.locator('#pad-wrong-patient').waitFor();
    expect(await pad.locator('.pad-bar__verdict').textContent()).toBe(
      'Check the patient: the record shows someone else',
    );
    expect(await pad.locator('#pad-send-reason').textContent()).toContain(
      'This draft is for John SMITH, 943 476 5919 — the record now shows Adaeze OKAFOR, 999 001 2342.',
    );
    expect(await pad.locator('#pad-send').isDisabled()).toBe(true);
    expect((await layout(pad)).barInView).toBe(true);
    // The guard is at the top of the pad, above the bar, both in view.
    const guard = await pad.evaluate(() => document.querySelector('#pad-wrong-patient')?.getBoundingClientRect());
    expect(guard?.top).toBeGreaterThanOrEqual(0);
    expect(guard?.bottom).toBeLessThanOrEqual((await layout(pad)).barTop);
    await screenshotForDocs(page, 'pad-guard-bar.png');
    await page.close();
  });
});

describe('accessibility of the pad beside the practice system (axe-core: no serious or critical violation)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('empty, a safety stop, the wrong-patient guard, and sent', async () => {
    await freshStorage(h);
    const { page, pad } = await padFor(h, 'SMITH');
    expect(await seriousViolations(pad), 'empty').toEqual([]);

    // Alex HUGHES has had thoughts of ending their life this week: a safety stop, with the route. (John's draft is
    // untouched, so the pad simply follows the record.)
    await choosePatient(page, 'HUGHES');
    await expect.poll(() => pad.locator('.pad-bar__patient strong').textContent()).toContain('Alex HUGHES');
    await pad.locator('#pad-safety-suicidal-thoughts').check();
    await expect.poll(() => pad.locator('.pad-bar__verdict').textContent()).toMatch(/^Cannot be sent: safety/);
    expect(await seriousViolations(pad), 'safety stop').toEqual([]);

    // With work in Alex's draft, the record moves back to John: the guard.
    await choosePatient(page, 'SMITH');
    await pad.locator('#pad-wrong-patient').waitFor();
    expect(await seriousViolations(pad), 'guard').toEqual([]);

    await pad.getByRole('button', { name: /^Open the referral for John SMITH/ }).click();
    await expect.poll(() => pad.locator('.pad-bar__patient strong').textContent()).toContain('John SMITH');
    await pad.getByLabel(/^What matters to the patient/).fill('Meeting people again');
    await pad.getByRole('button', { name: 'Loneliness or isolation' }).click();
    await pad.getByRole('button', { name: 'No to all five safety questions' }).click();
    await pad.getByLabel('The patient agrees to be referred to social prescribing').check();
    await pad.getByLabel('The patient agrees to their details being shared with the service').check();
    await pad.getByRole('button', { name: 'Send referral' }).click();
    await pad.getByRole('heading', { name: /^Saved — will be sent to / }).waitFor();
    expect(await seriousViolations(pad), 'sent').toEqual([]);
    await page.close();
  });
});
