import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { fhir4 } from '../../domain/fhir';
import {
  applyDecision,
  decisionSchema,
  isDecided,
  isFinal,
  LINK_WORKER_STATUSES,
  linkWorkerStatus,
  referralToBundle,
  SYSTEMS,
} from '../../domain/fhir';
import { richReferral } from '../../test-support/fixtures/referrals';

/** The Task as the queue service stored it from the referral's Bundle. */
const requested = referralToBundle(richReferral).entry?.[2]?.resource as fhir4.Task;
const by = 'Lee Morgan (link worker)';
const at = '2026-11-23T11:00:00Z';

function statusOf(task: unknown) {
  const result = linkWorkerStatus(JSON.parse(JSON.stringify(task)));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.status;
}

describe('the link worker’s decision on the Task', () => {
  it('reads a new referral’s Task as requested, updated when it was made', () => {
    expect(statusOf(requested)).toEqual({ status: 'requested', updatedAt: richReferral.createdAt });
  });

  it.each([
    { status: 'accepted', note: 'First call booked for Monday.' },
    { status: 'declined', reason: 'Outside our area: she lives in North Somerset.', note: 'Passed to Weston team.' },
    {
      status: 'redirected',
      redirectTo: 'Bristol Mindline, 0808 808 0330',
      reason: 'Needs a mental-health service first.',
    },
    { status: 'redirected', redirectTo: 'Talking Therapies' },
    { status: 'contacted', note: 'Spoke on the phone.' },
    { status: 'completed', reason: 'Goals met.' },
    { status: 'cancelled', reason: 'Referred in error by the practice.' },
    { status: 'requested' },
  ] as const)('comes back as it was decided: $status', (decision) => {
    const task = applyDecision(requested, { ...decision, by, at });
    expect(statusOf(task)).toEqual({ ...decision, updatedAt: at });
  });

  it('records a service’s decline as a rejected Task coded “declined by the service” (never SNOMED CT’s “Social prescribing declined”, which is the person’s), with the reason as text', () => {
    const task = applyDecision(requested, { status: 'declined', reason: 'No capacity until March.', by, at });
    expect(task.status).toBe('rejected');
    expect(task.statusReason).toEqual({
      coding: [
        {
          system: 'https://social-prescribing-pad.org/fhir/CodeSystem/task-reason',
          code: 'declined-by-service',
          display: 'Declined by the social prescribing service',
        },
      ],
      text: 'No capacity until March.',
    });
    expect(task.lastModified).toBe(at);
  });

  it('records a redirect as a rejected Task coded “redirected”, with where to as text', () => {
    const task = applyDecision(requested, { status: 'redirected', redirectTo: 'Citizens Advice', by, at });
    expect(task.status).toBe('rejected');
    expect(task.statusReason?.coding).toEqual([
      { system: SYSTEMS.taskReason, code: 'redirected', display: 'Redirected to another service' },
    ]);
    expect(task.statusReason?.text).toBe('Citizens Advice');
  });

  it('records contact as in-progress and signs notes with who and when, keeping earlier ones', () => {
    const accepted = applyDecision(requested, { status: 'accepted', note: 'Will call.', by, at });
    const later = '2026-11-24T09:00:00Z';
    const contacted = applyDecision(accepted, {
      status: 'contacted',
      note: 'Called; meeting at the library.',
      by: 'Sam',
      at: later,
    });
    expect(contacted.status).toBe('in-progress');
    expect(contacted.owner).toEqual({ display: 'Sam' });
    expect(contacted.note).toEqual([
      { authorString: by, time: at, text: 'Will call.' },
      { authorString: 'Sam', time: later, text: 'Called; meeting at the library.' },
    ]);
    expect(statusOf(contacted)).toEqual({
      status: 'contacted',
      note: 'Called; meeting at the library.',
      updatedAt: later,
    });
  });

  it('does not carry an earlier note or reason into a later decision', () => {
    const declined = applyDecision(requested, { status: 'declined', reason: 'Full.', note: 'Sorry.', by, at });
    const reopened = applyDecision(declined, { status: 'accepted', by, at: '2026-11-25T08:00:00Z' });
    expect(statusOf(reopened)).toEqual({ status: 'accepted', updatedAt: '2026-11-25T08:00:00Z' });
  });

  it('leaves the Task it was given unchanged', () => {
    const before = JSON.stringify(requested);
    applyDecision(requested, { status: 'declined', reason: 'Full.', note: 'Sorry.', by, at });
    expect(JSON.stringify(requested)).toBe(before);
  });

  it('refuses what is not a Task, or a status no decision gives, saying where', () => {
    expect(linkWorkerStatus('nope')).toEqual({
      ok: false,
      problems: [{ path: '', message: 'Not a FHIR Task: expected a JSON object.' }],
    });
    expect(linkWorkerStatus({ ...requested, status: 'on-hold' })).toEqual({
      ok: false,
      problems: [{ path: 'status', message: expect.stringContaining('Not a status a link worker’s decision gives') }],
    });
    const { lastModified: _, authoredOn: __, ...undated } = requested;
    expect(linkWorkerStatus(undated)).toEqual({
      ok: false,
      problems: [{ path: 'lastModified', message: 'The Task does not say when it last changed.' }],
    });
  });
});

describe('linkWorkerStatus on anything', () => {
  it('never throws, whatever the queue answers', () => {
    const tasks = fc.oneof(
      fc.jsonValue(),
      fc.record({
        resourceType: fc.constant('Task'),
        status: fc.constantFrom('accepted', 'rejected', 'in-progress', 'draft'),
        statusReason: fc.jsonValue({ maxDepth: 3 }),
        note: fc.jsonValue({ maxDepth: 3 }),
        lastModified: fc.jsonValue({ maxDepth: 1 }),
      }),
    );
    fc.assert(
      fc.property(tasks, (task) => {
        const result = linkWorkerStatus(task);
        expect(result.ok || result.problems.length > 0).toBe(true);
      }),
    );
  });
});

describe('a decision as the queue service receives it', () => {
  it('needs a reason to decline and a place to redirect to, because the referrer is told', () => {
    const declined = decisionSchema.safeParse({ status: 'declined', by, at });
    expect(declined.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['reason', 'Say why the referral is declined: the referrer is told.'],
    ]);
    const redirected = decisionSchema.safeParse({ status: 'redirected', by, at });
    expect(redirected.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['redirectTo']);
    expect(decisionSchema.safeParse({ status: 'accepted', redirectTo: 'x', by, at }).success).toBe(false);
    expect(decisionSchema.safeParse({ status: 'accepted', by, at }).success).toBe(true);
  });
});

describe('which statuses end the wait', () => {
  it('counts declined, redirected, completed and cancelled as final; accepted and contacted as decided only', () => {
    expect(LINK_WORKER_STATUSES.filter(isFinal)).toEqual(['declined', 'redirected', 'completed', 'cancelled']);
    // Every status but the first: only a referral still waiting for the link worker is undecided.
    expect(LINK_WORKER_STATUSES.filter(isDecided)).toEqual(
      LINK_WORKER_STATUSES.filter((status) => status !== 'requested'),
    );
  });
});
