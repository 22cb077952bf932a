import { z } from 'zod';
import { NEED_CODES } from '../referral/needs';
import { UNSENDABLE_TEXT, unsendableCharacter, unsendableMessage } from '../referral/text';

/**
 * A referral as a link worker works it: the events a case gathers after arrival (assignment, contact attempts, notes,
 * the next action, the waiting list, the closing). Each is parsed here, at the queue's boundary; the store keeps them
 * append-only, and the timeline, the views and the message back to the GP are read from them.
 */

const isoDay = z.iso.date('A date as YYYY-MM-DD, for example 2027-01-05.');
const instant = z.iso.datetime({ offset: true });

/** Free text a link worker writes: trimmed, not empty, no control characters (the referral's own rule). */
function caseText(max: number, subject: string, missing: string) {
  return z
    .string()
    .trim()
    .min(1, missing)
    .max(max, `${subject} is longer than ${max} characters.`)
    .superRefine((text, ctx) => {
      const character = unsendableCharacter(text);
      if (character)
        ctx.addIssue({
          code: 'custom',
          message: unsendableMessage(subject, character),
          params: { [UNSENDABLE_TEXT]: true },
        });
    });
}

export const CONTACT_WAYS = ['phone', 'text', 'email', 'letter', 'visit', 'via-carer'] as const;
export const ATTEMPT_OUTCOMES = ['reached', 'no-answer', 'message-left', 'wrong-number'] as const;

/** One try at reaching the person: when, how, and what happened. */
export const contactAttemptSchema = z.strictObject({
  at: instant,
  how: z.enum(CONTACT_WAYS),
  outcome: z.enum(ATTEMPT_OUTCOMES),
  note: caseText(1000, 'The attempt’s note', 'Leave the note out or write something.').optional(),
});
export type ContactAttempt = z.output<typeof contactAttemptSchema>;

/** A case note: append-only, signed by its author and time where it is stored. */
export const caseNoteSchema = z.strictObject({ text: caseText(4000, 'The note', 'Write the note.') });
export type CaseNote = z.output<typeof caseNoteSchema>;

/** What the link worker will do next and by when (a UK day). */
export const nextActionSchema = z.strictObject({
  text: caseText(300, 'The next action', 'Say what the next action is.'),
  due: isoDay,
});
export type NextAction = z.output<typeof nextActionSchema>;

/** Accepted and waiting for a link worker's time, with the day the person can expect to hear. */
export const waitingListSchema = z.strictObject({ expected: isoDay });
export type WaitingList = z.output<typeof waitingListSchema>;

/** ONS4 (ONS personal wellbeing): four questions, each 0-10, each one the person may skip. */
const ons4Answer = z.number().int().min(0).max(10).optional();
export const ons4Schema = z.strictObject({
  kind: z.literal('ons4'),
  lifeSatisfaction: ons4Answer,
  worthwhile: ons4Answer,
  happiness: ons4Answer,
  anxiety: ons4Answer,
});
export type Ons4 = z.output<typeof ons4Schema>;

/** SWEMWBS: seven statements, each 1 (none of the time) to 5 (all of the time); any may be skipped. */
const swemwbsItem = z.number().int().min(1).max(5).optional();
export const swemwbsSchema = z.strictObject({
  kind: z.literal('swemwbs'),
  items: z.tuple([swemwbsItem, swemwbsItem, swemwbsItem, swemwbsItem, swemwbsItem, swemwbsItem, swemwbsItem]),
});
export type Swemwbs = z.output<typeof swemwbsSchema>;

export const wellbeingSchema = z.discriminatedUnion('kind', [ons4Schema, swemwbsSchema]);
export type Wellbeing = z.output<typeof wellbeingSchema>;

export const CLOSING_REASONS = [
  'completed',
  'patient-declined',
  'unable-to-contact',
  'did-not-engage',
  'referred-elsewhere',
] as const;
export type ClosingReason = (typeof CLOSING_REASONS)[number];

export const CONNECTION_KINDS = ['activity', 'group', 'service', 'other'] as const;

/** What the person was connected to: a named activity, group or service. */
export const connectionSchema = z.strictObject({
  kind: z.enum(CONNECTION_KINDS),
  name: caseText(200, 'What the person was connected to', 'Name what the person was connected to.'),
});
export type Connection = z.output<typeof connectionSchema>;

/** Closing a case: why, what the person was connected to, the needs it met, and optional wellbeing scores. */
export const closingSchema = z
  .strictObject({
    reason: z.enum(CLOSING_REASONS),
    /** Unable to contact: after how many attempts (the case's own count is the default the form offers). */
    attempts: z.number().int().min(1).max(50).optional(),
    /** Referred elsewhere: where. */
    elsewhere: caseText(300, 'Where the person was referred', 'Say where the person was referred.').optional(),
    connectedTo: z.array(connectionSchema).max(20).default([]),
    needsMet: z.array(z.enum(NEED_CODES)).max(NEED_CODES.length).default([]),
    summary: caseText(2000, 'The summary for the GP', 'Leave the summary out or write something.').optional(),
    wellbeing: z.strictObject({ start: wellbeingSchema.optional(), end: wellbeingSchema.optional() }).default({}),
  })
  .superRefine((closing, ctx) => {
    if (closing.reason === 'referred-elsewhere' && !closing.elsewhere)
      ctx.addIssue({ code: 'custom', path: ['elsewhere'], message: 'Say where the person was referred.' });
    if (closing.reason === 'unable-to-contact' && closing.attempts === undefined)
      ctx.addIssue({ code: 'custom', path: ['attempts'], message: 'Say how many attempts were made.' });
  });
export type Closing = z.output<typeof closingSchema>;

/** Everything that can happen to a case after arrival, as stored (one append-only table) and shown on the timeline. */
export const caseEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('assigned'), to: z.string().min(1).max(200), toName: z.string().min(1).max(200) }),
  z.strictObject({ kind: z.literal('unassigned') }),
  z.strictObject({ kind: z.literal('attempt'), attempt: contactAttemptSchema }),
  z.strictObject({ kind: z.literal('note'), note: caseNoteSchema }),
  z.strictObject({ kind: z.literal('next-action'), action: nextActionSchema }),
  z.strictObject({ kind: z.literal('waiting-list'), waiting: waitingListSchema }),
  z.strictObject({ kind: z.literal('closed'), closing: closingSchema }),
]);
export type CaseEventBody = z.output<typeof caseEventSchema>;

/** A stored event: the body with who and when (the queue's clock, never the browser's). */
export type CaseEvent = CaseEventBody & { id: number; at: string; by: string; byName: string };
