import type * as fhir4 from 'fhir/r4';
import { z } from 'zod';
import { type FhirProblem, zodProblems } from './problems';
import { EXTENSIONS, SNOMED, SYSTEMS } from './systems';

/** The referral's life as the link worker moves it on, in the referrer's words. */
export const LINK_WORKER_STATUSES = [
  'requested',
  'accepted',
  'declined',
  'redirected',
  'contacted',
  'completed',
  'cancelled',
] as const;

export type LinkWorkerStatus = {
  status: (typeof LINK_WORKER_STATUSES)[number];
  reason?: string;
  note?: string;
  redirectTo?: string;
  updatedAt: string;
};

type Status = LinkWorkerStatus['status'];

/** Final: nothing more will happen to the referral (declined, redirected, completed, cancelled); stop polling. */
export function isFinal(status: Status): boolean {
  return status === 'declined' || status === 'redirected' || status === 'completed' || status === 'cancelled';
}

/** Decided, for the referrer: the link worker has answered (final, or accepted and perhaps already in contact). */
export function isDecided(status: Status): boolean {
  return isFinal(status) || status === 'accepted' || status === 'contacted';
}

/**
 * A link worker's decision as the queue service receives it (parse HTTP bodies with this). A decline says why and a
 * redirect says where to, because the referrer is told and must be able to act on it.
 */
export const decisionSchema = z
  .strictObject({
    status: z.enum(LINK_WORKER_STATUSES),
    reason: z.string().trim().min(1).max(1000).optional(),
    note: z.string().trim().min(1).max(2000).optional(),
    redirectTo: z.string().trim().min(1).max(500).optional(),
    by: z.string().trim().min(1, 'Who decided is missing.').max(200),
    at: z.iso.datetime({ offset: true }),
  })
  .superRefine((decision, ctx) => {
    if (decision.status === 'declined' && !decision.reason)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Say why the referral is declined: the referrer is told.',
      });
    if (decision.status === 'redirected' && !decision.redirectTo)
      ctx.addIssue({ code: 'custom', path: ['redirectTo'], message: 'Say where the patient is redirected to.' });
    if (decision.status !== 'redirected' && decision.redirectTo)
      ctx.addIssue({ code: 'custom', path: ['redirectTo'], message: 'Only a redirect says where to.' });
  });
export type Decision = z.output<typeof decisionSchema>;

/** The Task status each of the link worker's statuses gives. */
export const TASK_STATUS = {
  requested: 'requested',
  accepted: 'accepted',
  declined: 'rejected',
  redirected: 'rejected',
  contacted: 'in-progress',
  completed: 'completed',
  cancelled: 'cancelled',
} as const satisfies Record<Status, fhir4.Task['status']>;

const REDIRECTED = { system: SYSTEMS.taskReason, code: 'redirected', display: 'Redirected to another service' };

function statusReason(decision: Omit<Decision, 'by' | 'at'>): fhir4.CodeableConcept | undefined {
  const text = decision.reason ? { text: decision.reason } : {};
  if (decision.status === 'declined')
    return { coding: [{ system: SYSTEMS.snomed, ...SNOMED.socialPrescribingDeclined }], ...text };
  if (decision.status === 'redirected')
    return {
      ...(decision.reason ? { extension: [{ url: EXTENSIONS.redirectReason, valueString: decision.reason }] } : {}),
      coding: [REDIRECTED],
      ...(decision.redirectTo ? { text: decision.redirectTo } : {}),
    };
  return decision.reason ? text : undefined;
}

/**
 * The Task after a link worker's decision: its status, why, a note signed with who and when, and who decided as the
 * owner. Pure: the Task given is not changed. Earlier notes stay, so the Task keeps the trail.
 */
export function applyDecision(
  task: fhir4.Task,
  decision: { status: Status; reason?: string; note?: string; redirectTo?: string; by: string; at: string },
): fhir4.Task {
  const { statusReason: _previousReason, owner: _previousOwner, ...rest } = task;
  const reason = statusReason(decision);
  const notes = [
    ...(task.note ?? []),
    ...(decision.note ? [{ authorString: decision.by, time: decision.at, text: decision.note }] : []),
  ];
  return {
    ...rest,
    status: TASK_STATUS[decision.status],
    ...(reason ? { statusReason: reason } : {}),
    ...(decision.status === 'requested' ? {} : { owner: { display: decision.by } }),
    lastModified: decision.at,
    ...(notes.length > 0 ? { note: notes } : {}),
  };
}

const looseText = z.string();

const statusTaskSchema = z.looseObject(
  {
    resourceType: z.literal('Task', 'Not a FHIR Task (resourceType must be "Task").'),
    status: z.enum(
      ['requested', 'accepted', 'rejected', 'in-progress', 'completed', 'cancelled'],
      'Not a status a link worker’s decision gives a Task (requested, accepted, rejected, in-progress, completed, cancelled).',
    ),
    statusReason: z
      .looseObject({
        coding: z.array(z.looseObject({ system: looseText.optional(), code: looseText.optional() })).optional(),
        text: looseText.optional(),
        extension: z.array(z.looseObject({ url: looseText, valueString: looseText.optional() })).optional(),
      })
      .optional(),
    note: z
      .array(z.looseObject({ text: looseText, time: looseText.optional(), authorString: looseText.optional() }))
      .optional(),
    authoredOn: looseText.optional(),
    lastModified: looseText.optional(),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'Not a FHIR Task: expected a JSON object.' : undefined) },
);

/** Reads the link worker's decision from a Task the queue service answered with (untrusted). Never throws. */
export function linkWorkerStatus(
  task: unknown,
): { ok: true; status: LinkWorkerStatus } | { ok: false; problems: FhirProblem[] } {
  const parsed = statusTaskSchema.safeParse(task);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const { status, statusReason: why, note, authoredOn, lastModified } = parsed.data;
  const updatedAt = lastModified ?? authoredOn;
  if (updatedAt === undefined)
    return { ok: false, problems: [{ path: 'lastModified', message: 'The Task does not say when it last changed.' }] };
  const redirected = why?.coding?.some(
    (coding) => coding.system === REDIRECTED.system && coding.code === REDIRECTED.code,
  );
  const mapped: Status =
    status === 'rejected' ? (redirected ? 'redirected' : 'declined') : status === 'in-progress' ? 'contacted' : status;
  const reason =
    mapped === 'redirected'
      ? why?.extension?.find((extension) => extension.url === EXTENSIONS.redirectReason)?.valueString
      : why?.text;
  const latest = note?.filter((annotation) => annotation.time === updatedAt).at(-1)?.text;
  return {
    ok: true,
    status: {
      status: mapped,
      ...(reason !== undefined ? { reason } : {}),
      ...(latest !== undefined ? { note: latest } : {}),
      ...(mapped === 'redirected' && why?.text !== undefined ? { redirectTo: why.text } : {}),
      updatedAt,
    },
  };
}
