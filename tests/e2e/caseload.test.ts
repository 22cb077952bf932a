import { type Browser, chromium, type Frame, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CASELOAD_VIEW_LABELS, type CaseloadView } from '../../domain/caseload/views';
import { ukDate } from '../../domain/clock/uk-date';
import { workingDaysBetween } from '../../domain/clock/working-days';
import { BOUNDARIED_VCSE_MODEL } from '../../domain/model/examples';
import { readDemoSettings } from '../../server/demo';
import { readDemoService, seedDemoService } from '../../server/demo-service';
import { addLinkWorker } from '../../server/store/link-workers';
import {
  CHROMIUM,
  type Harness,
  launch,
  openDemo,
  openExtensionPage,
  padFrame,
  screenshotForDocs,
  toggleByShortcut,
} from '../../test-support/browser/harness';
import {
  noSafetyConcernsAndConsent,
  seriousViolations,
  setExtensionStorage,
} from '../../test-support/browser/pad-browser';
import { r4Problems } from '../../test-support/fhir/r4-schema';
import { addPracticeWithToken } from '../../test-support/queue/agreed-service';
import { type Queue, readTask, startQueue } from '../../test-support/queue/queue';

/**
 * Issue 17's loop in real Chromium with the built extension, on `npm start`'s defaults: the demo practice and its
 * token, the demo service (Kingsmead Connect 55+, agreed under the boundaried model) and its demo link worker. A GP
 * sends a referral from the pad beside the demo practice system; the link worker works the case to its close; the GP's
 * reopened pad shows the outcome in plain words with an entry for the record, and the Task read over FHIR is valid R4.
 * Then the queue's clock moves past the service's rule with a referral undecided: overdue in the caseload and on the pad.
 */
const demo = readDemoSettings();
const demoService = readDemoService();
const worker = demo.linkWorker;
let queue: Queue;
let gp: Harness;
let linkWorkerBrowser: Browser;

beforeAll(async () => {
  queue = await startQueue('pglite');
  await addPracticeWithToken(queue.db, demo.practice, demo.queue.token);
  await seedDemoService(queue.db, demo.practice);
  await addLinkWorker(queue.db, { ...worker, serviceId: demoService.id });
  gp = await launch();
  linkWorkerBrowser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  const page = await openExtensionPage(gp, 'sidepanel.html');
  await setExtensionStorage(page, {
    settings: { model: BOUNDARIED_VCSE_MODEL, queue: { endpoint: `${queue.url}/fhir`, token: demo.queue.token } },
    referrer: { name: 'Dr Asha Patel', role: 'GP', odsCode: demo.practice.odsCode },
  });
  // The practice's directory (the demo service) kept, as the background fetches it when the queue is set.
  await vi.waitFor(
    async () => {
      const kept = await page.evaluate(async () => {
        const chrome = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
        await chrome.runtime.sendMessage({ type: 'directory:refresh' });
        const { directory } = (await chrome.storage.local.get('directory')) as { directory?: { entries: unknown[] } };
        return directory?.entries.length;
      });
      expect(kept).toBe(1);
    },
    { timeout: 60_000, interval: 500 },
  );
  await page.close();
  // Compiling HL7's R4 schema takes seconds: once, here.
  r4Problems({ resourceType: 'Task', status: 'requested', intent: 'order' });
}, 300_000);

afterAll(async () => {
  await linkWorkerBrowser?.close();
  await gp?.close();
  await queue?.stop();
});

/** The GP's pad beside a new consultation screen (John SMITH), opened by the shortcut. */
async function openPadInConsultation(): Promise<{ consultation: Page; pad: Frame }> {
  const consultation = await openDemo(gp);
  await toggleByShortcut(consultation);
  const pad = await padFrame(consultation);
  await expect.poll(() => pad.getByLabel('Given name', { exact: true }).inputValue()).toBe('John');
  return { consultation, pad };
}

/** Needs, No to the safety questions, consents, Send; gives the referral's id (from the queue, by the reference shown). */
async function referFromPad(pad: Frame): Promise<{ reference: string; id: string }> {
  await pad.getByRole('button', { name: 'Loneliness or isolation' }).click();
  await pad.getByLabel(/What matters to the patient/).fill('Meeting people again');
  await noSafetyConcernsAndConsent(pad);
  const send = pad.getByRole('button', { name: 'Send referral' });
  // Enabled, or the reason the pad gives beside it.
  await expect
    .poll(async () => (await send.isEnabled()) || (await pad.locator('#pad-send-reason').textContent()))
    .toBe(true);
  expect(await pad.locator('#pad-send-service').textContent()).toContain(`To ${demoService.name}`);
  await send.click();
  await pad.getByRole('heading', { name: /^Saved — will be sent to / }).waitFor();
  const reference = (await pad.locator('.pad-reference').textContent()) ?? '';
  const hex = reference.replace(/^SP-|-/g, '').toLowerCase();
  const id = await vi.waitFor(
    async () => {
      const rows = await queue.db.query<{ id: string }>('SELECT id::text AS id FROM referral WHERE id::text LIKE $1', [
        `${hex}%`,
      ]);
      if (!rows[0]) throw new Error(`${reference} has not reached the queue yet`);
      return rows[0].id;
    },
    { timeout: 30_000, interval: 250 },
  );
  return { reference, id };
}

/** The GP's "This patient" entry for one reference. */
const sentItem = (pad: Frame, reference: string) =>
  pad.locator('section[aria-labelledby="pad-sent-this-patient"] .pad-sent-item', { hasText: reference });

// The queue's clock, as moved by the tests (the caseload's dates and the Task's are by it).
let queueOffset = 0;
const queueNow = () => new Date(Date.now() + queueOffset);
function moveQueueClock(ms: number): void {
  queue.advance(ms);
  queueOffset += ms;
}

/** The demo link worker, signed in to the inbox in a browser of their own. */
async function signInToInbox(): Promise<Page> {
  const page = await (await linkWorkerBrowser.newContext()).newPage();
  await page.goto(`${queue.url}/inbox`);
  await page.getByLabel('Username').fill(worker.username);
  await page.getByLabel('Password').fill(worker.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Caseload views' }).waitFor();
  return page;
}

/** Opens a view by its tab, as the link worker does; gives the referral's row there (absent when not in it). */
async function rowInView(inbox: Page, view: CaseloadView, id: string): Promise<Locator> {
  const tabs = inbox.getByRole('navigation', { name: 'Caseload views' });
  // From a case's page, back to the list first.
  if ((await tabs.count()) === 0) await inbox.goto(`${queue.url}/inbox`);
  await tabs.getByRole('link', { name: new RegExp(`^${CASELOAD_VIEW_LABELS[view]}\\b`) }).click();
  await tabs.locator('[aria-current="page"]', { hasText: CASELOAD_VIEW_LABELS[view] }).waitFor();
  return inbox.locator(`tr[data-referral="${id}"]`);
}

/** One of the case page's forms, filled by `fill`, sent, and the page back with it saved. */
async function sendCaseForm(
  inbox: Page,
  form: string,
  button: string | RegExp,
  fill: (form: Locator) => Promise<void>,
) {
  const box = inbox.locator(`form[action$="/${form}"]`);
  await fill(box);
  await box.getByRole('button', { name: button }).click();
  await inbox.waitForURL((url) => url.searchParams.get('saved') === form);
}

async function fillDay(form: Locator, name: string, day: string): Promise<void> {
  const [year, month, date] = day.split('-');
  await form.locator(`[name="${name}-day"]`).fill(String(Number(date)));
  await form.locator(`[name="${name}-month"]`).fill(String(Number(month)));
  await form.locator(`[name="${name}-year"]`).fill(year ?? '');
}

describe('the caseload and the message back to the GP', () => {
  it('a referral from the pad is worked to its close, and the reopened pad shows the outcome and its record entry', async () => {
    const { consultation, pad } = await openPadInConsultation();
    const { reference, id } = await referFromPad(pad);
    await expect
      .poll(() => sentItem(pad, reference).textContent(), { timeout: 30_000 })
      .toContain('Delivered — awaiting the link worker');
    await toggleByShortcut(consultation);

    // The link worker, a few minutes later by the queue's clock, in the inbox.
    moveQueueClock(5 * 60_000);
    const inbox = await signInToInbox();
    expect(await (await rowInView(inbox, 'new', id)).count()).toBe(1);
    const unassigned = await rowInView(inbox, 'unassigned', id);
    expect(await unassigned.locator('td').nth(1).textContent()).toBe(reference);
    await unassigned.getByRole('button', { name: 'Assign to me' }).click();
    expect(await (await rowInView(inbox, 'unassigned', id)).count()).toBe(0);
    const mine = await rowInView(inbox, 'mine', id);
    await mine.getByRole('link').first().click();

    // The case: two attempts, a note, the waiting list.
    await sendCaseForm(inbox, 'attempt', 'Save the attempt', async (form) => {
      await form.getByRole('radio', { name: 'Phone' }).check();
      await form.getByRole('radio', { name: 'No answer' }).check();
    });
    await sendCaseForm(inbox, 'attempt', 'Save the attempt', async (form) => {
      await form.getByRole('radio', { name: 'Phone' }).check();
      await form.getByRole('radio', { name: 'Reached the person' }).check();
    });
    const note = 'John would like a walking group near Kingswood.';
    await sendCaseForm(inbox, 'note', 'Add the note', (form) => form.getByLabel('Note', { exact: true }).fill(note));
    const expected = ukDate(new Date(queueNow().getTime() + 21 * 86_400_000));
    await sendCaseForm(inbox, 'waiting-list', /^(Accept onto|Save) the waiting list/, (form) =>
      fillDay(form, 'waiting-expected', expected),
    );
    const timeline = await inbox.locator('ol.timeline li').allTextContents();
    expect(timeline.join('\n')).toContain(note);
    expect(timeline.filter((entry) => entry.includes('Phoned'))).toHaveLength(2);
    expect(await (await rowInView(inbox, 'waiting-list', id)).count()).toBe(1);

    // Closed as completed, with what John was connected to and his ONS4 scores at the start and at the end.
    await (await rowInView(inbox, 'waiting-list', id)).getByRole('link').first().click();
    await sendCaseForm(inbox, 'close', 'Close the case', async (form) => {
      await form.getByRole('radio', { name: 'Completed' }).check();
      await form.locator('[name="close-connected-1-kind"]').selectOption('group');
      await form.locator('[name="close-connected-1-name"]').fill('Kingsmead Walking Group');
      await form.getByRole('checkbox', { name: 'Loneliness or isolation' }).check();
      await form.getByRole('radio', { name: 'ONS4 (personal wellbeing)' }).check();
      const scores = { start: [4, 5, 4, 6], end: [7, 7, 6, 3] };
      for (const [when, answers] of Object.entries(scores))
        for (const [index, question] of ['lifeSatisfaction', 'worthwhile', 'happiness', 'anxiety'].entries())
          await form.locator(`[name="close-${when}-ons4-${question}"]`).fill(String(answers[index]));
      await form.getByLabel('Summary for the GP (optional)').fill('John walks with the group on Tuesdays.');
    });
    expect(await (await rowInView(inbox, 'closed', id)).count()).toBe(1);
    await inbox.context().close();

    // The GP opens the pad again: it asks for the latest statuses and shows the outcome in plain words.
    await toggleByShortcut(consultation);
    const closedOn = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(queueNow());
    await expect
      .poll(() => sentItem(pad, reference).locator('.pad-sent-state').textContent(), { timeout: 20_000 })
      .toBe(
        `Closed — completed by ${worker.displayName} on ${closedOn}: joined Kingsmead Walking Group; needs met: ` +
          'Loneliness or isolation; ONS4: life satisfaction up from 4 to 7 (better), worthwhile up from 5 to 7 ' +
          '(better), happiness up from 4 to 6 (better), anxiety down from 6 to 3 (better)',
      );
    expect(await sentItem(pad, reference).locator('.pad-sent-summary').textContent()).toBe(
      'Summary from the link worker: John walks with the group on Tuesdays.',
    );
    await sentItem(pad, reference).getByText(`Outcome for the clinical record (${reference})`).click();
    const entry = await sentItem(pad, reference)
      .getByLabel(`Outcome of ${reference} for the clinical record`)
      .inputValue();
    // No SNOMED CT concept for a completed social prescribing referral has been found in a published source
    // (README, "SNOMED CT codes"): the entry says so, and carries the outcome and the scores in words.
    expect(entry.split('\n')).toEqual(
      expect.arrayContaining([
        'Social prescribing outcome: Completed (no SNOMED CT concept for this outcome: record it as text)',
        'Outcome: Completed',
        `Closed by: ${worker.displayName} (link worker)`,
        'Connected to: joined Kingsmead Walking Group',
        'Wellbeing at the start: ONS4: life satisfaction 4/10, worthwhile 5/10, happiness 4/10, anxiety 6/10',
        'Wellbeing at the end: ONS4: life satisfaction 7/10, worthwhile 7/10, happiness 6/10, anxiety 3/10',
        `Reference: ${reference}`,
      ]),
    );

    expect(await seriousViolations(pad)).toEqual([]);
    await screenshotForDocs(sentItem(pad, reference), 'pad-sent-outcome.png');

    // The Task as the practice reads it over FHIR: the message back, valid FHIR R4.
    const task = await (await readTask(queue, id, demo.queue.token)).json();
    expect(r4Problems(task)).toEqual([]);
    expect(task).toMatchObject({ status: 'completed', owner: { display: worker.displayName } });
    await consultation.close();
  });

  it('a referral the person declines is closed so, and the reopened pad carries SNOMED CT 871711000000103', async () => {
    const { consultation, pad } = await openPadInConsultation();
    const { reference, id } = await referFromPad(pad);
    await expect
      .poll(() => sentItem(pad, reference).textContent(), { timeout: 30_000 })
      .toContain('Delivered — awaiting the link worker');
    await toggleByShortcut(consultation);

    const inbox = await signInToInbox();
    await (await rowInView(inbox, 'new', id)).getByRole('link').first().click();
    await sendCaseForm(inbox, 'close', 'Close the case', (form) =>
      form.getByRole('radio', { name: 'The person chose not to go ahead' }).check(),
    );
    expect(await (await rowInView(inbox, 'closed', id)).count()).toBe(1);
    await inbox.context().close();

    await toggleByShortcut(consultation);
    await expect
      .poll(() => sentItem(pad, reference).locator('.pad-sent-state').textContent(), { timeout: 20_000 })
      .toMatch(new RegExp(`^Closed — patient declined \\(${worker.displayName}, `));
    await sentItem(pad, reference).getByText(`Outcome for the clinical record (${reference})`).click();
    const entry = await sentItem(pad, reference)
      .getByLabel(`Outcome of ${reference} for the clinical record`)
      .inputValue();
    // The one outcome NHS England's guidance for link workers codes: the person declined.
    expect(entry.split('\n')).toEqual(
      expect.arrayContaining([
        'Social prescribing declined (SNOMED CT 871711000000103)',
        'Outcome: Patient declined',
        `Reference: ${reference}`,
      ]),
    );
    await consultation.close();
  });

  it('past the service’s rule with no decision, the referral is overdue in the caseload and on the pad', async () => {
    const { consultation, pad } = await openPadInConsultation();
    const { reference, id } = await referFromPad(pad);
    await expect
      .poll(() => sentItem(pad, reference).textContent(), { timeout: 30_000 })
      .toContain('Delivered — awaiting the link worker');
    const inbox = await signInToInbox();
    expect(await (await rowInView(inbox, 'new', id)).count()).toBe(1);
    expect(await (await rowInView(inbox, 'overdue', id)).count()).toBe(0);
    await inbox.context().close();
    await toggleByShortcut(consultation);

    // Three weeks on by the queue's clock: past the default rule (a decision within 10 working days).
    const received = ukDate(queueNow());
    moveQueueClock(21 * 86_400_000);
    const days = workingDaysBetween(received, ukDate(queueNow()));
    expect(days).toBeGreaterThan(10);
    // Signed in again: three weeks is longer than a session lasts.
    const later = await signInToInbox();
    const overdue = await rowInView(later, 'overdue', id);
    expect(await overdue.locator('td').nth(1).textContent()).toBe(reference);
    expect(await overdue.textContent()).toContain('Decision overdue');
    await later.context().close();

    await toggleByShortcut(consultation);
    const words = `No response yet from ${demoService.name} — ${days} working days`;
    await expect.poll(() => sentItem(pad, reference).textContent(), { timeout: 20_000 }).toContain(words);
    expect(await sentItem(pad, reference).getAttribute('class')).toContain('pad-sent-item--attention');
    await screenshotForDocs(sentItem(pad, reference), 'pad-sent-overdue.png');
    await consultation.close();
  });
});
