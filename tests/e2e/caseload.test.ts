import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closingSchema } from '../../domain/caseload/case';
import type { CaseloadView } from '../../domain/caseload/views';
import { ukDate } from '../../domain/clock/uk-date';
import { workingDaysBetween } from '../../domain/clock/working-days';
import { BOUNDARIED_VCSE_MODEL } from '../../domain/model/examples';
import { readDemoSettings } from '../../server/demo';
import { readDemoService, seedDemoService } from '../../server/demo-service';
import { addCaseEvent, assign, caseloadPage } from '../../server/store/caseload';
import { addLinkWorker, type Session } from '../../server/store/link-workers';
import {
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

beforeAll(async () => {
  queue = await startQueue('pglite');
  await addPracticeWithToken(queue.db, demo.practice, demo.queue.token);
  await seedDemoService(queue.db, demo.practice);
  await addLinkWorker(queue.db, { ...worker, serviceId: demoService.id });
  gp = await launch();
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

// The link worker, through the queue's store (the caseload's pages drive the same functions).
const session: Session = {
  linkWorker: { username: worker.username, displayName: worker.displayName },
  administrator: false,
  serviceId: demoService.id,
  role: 'link-worker',
  csrfToken: 'unused',
  expiresAt: new Date(Date.now() + 24 * 3_600_000),
};
const queueNow = () => new Date(Date.now() + queueOffset);
let queueOffset = 0;

async function inView(view: CaseloadView, id: string): Promise<boolean> {
  const page = await caseloadPage(queue.db, {
    view,
    serviceId: demoService.id,
    username: worker.username,
    today: ukDate(queueNow()),
  });
  return page.referrals.some((row) => row.id === id);
}

async function caseEvent(id: string, body: Parameters<typeof addCaseEvent>[1]['body']) {
  expect(await addCaseEvent(queue.db, { referralId: id, body, by: session, at: queueNow() })).toEqual({
    kind: 'added',
    id: expect.any(Number),
  });
}

describe('the caseload and the message back to the GP', () => {
  it('a referral from the pad is worked to its close, and the reopened pad shows the outcome and its record entry', async () => {
    const { consultation, pad } = await openPadInConsultation();
    const { reference, id } = await referFromPad(pad);
    await expect
      .poll(() => sentItem(pad, reference).textContent(), { timeout: 30_000 })
      .toContain('Delivered — awaiting the link worker');
    await toggleByShortcut(consultation);

    expect(await inView('new', id)).toBe(true);
    expect(await inView('unassigned', id)).toBe(true);
    expect(await assign(queue.db, { referralId: id, to: worker.username, by: session, at: queueNow() })).toEqual({
      kind: 'assigned',
    });
    expect(await inView('mine', id)).toBe(true);
    expect(await inView('unassigned', id)).toBe(false);
    const at = () => queueNow().toISOString();
    await caseEvent(id, { kind: 'attempt', attempt: { at: at(), how: 'phone', outcome: 'no-answer' } });
    await caseEvent(id, { kind: 'attempt', attempt: { at: at(), how: 'phone', outcome: 'reached' } });
    await caseEvent(id, { kind: 'note', note: { text: 'John would like a walking group near Kingswood.' } });
    const expected = ukDate(new Date(queueNow().getTime() + 21 * 86_400_000));
    await caseEvent(id, { kind: 'waiting-list', waiting: { expected } });
    expect(await inView('waiting-list', id)).toBe(true);
    const closing = closingSchema.parse({
      reason: 'completed',
      connectedTo: [{ kind: 'group', name: 'Kingsmead Walking Group' }],
      needsMet: ['loneliness'],
      summary: 'John walks with the group on Tuesdays.',
      wellbeing: {
        start: { kind: 'ons4', lifeSatisfaction: 4, worthwhile: 5, happiness: 4, anxiety: 6 },
        end: { kind: 'ons4', lifeSatisfaction: 7, worthwhile: 7, happiness: 6, anxiety: 3 },
      },
    });
    await caseEvent(id, { kind: 'closed', closing });
    expect(await inView('closed', id)).toBe(true);

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

  it('past the service’s rule with no decision, the referral is overdue in the caseload and on the pad', async () => {
    const { consultation, pad } = await openPadInConsultation();
    const { reference, id } = await referFromPad(pad);
    await expect
      .poll(() => sentItem(pad, reference).textContent(), { timeout: 30_000 })
      .toContain('Delivered — awaiting the link worker');
    expect(await inView('overdue', id)).toBe(false);
    await toggleByShortcut(consultation);

    // Three weeks on by the queue's clock: past the default rule (a decision within 10 working days).
    const received = ukDate(queueNow());
    const threeWeeks = 21 * 86_400_000;
    queue.advance(threeWeeks);
    queueOffset += threeWeeks;
    const days = workingDaysBetween(received, ukDate(queueNow()));
    expect(days).toBeGreaterThan(10);
    expect(await inView('overdue', id)).toBe(true);

    await toggleByShortcut(consultation);
    const words = `No response yet from ${demoService.name} — ${days} working days`;
    await expect.poll(() => sentItem(pad, reference).textContent(), { timeout: 20_000 }).toContain(words);
    expect(await sentItem(pad, reference).getAttribute('class')).toContain('pad-sent-item--attention');
    await screenshotForDocs(sentItem(pad, reference), 'pad-sent-overdue.png');
    await consultation.close();
  });
});
