import type { z } from 'zod';
import {
  type CaseEventBody,
  caseNoteSchema,
  contactAttemptSchema,
  nextActionSchema,
  waitingListSchema,
} from '../../../domain/caseload/case';
import { readDateParts } from '../../../domain/clock/date-parts';
import { ukInstant } from '../../../domain/clock/uk-instant';
import type { Read } from '../../services/read-forms';
import { dateBoxes, type Entered, type Problem, text } from './entered';

/** The case forms on the detail page, each posted to /inbox/referrals/:id/<form>. */
export const CASE_FORMS = ['attempt', 'note', 'next-action', 'waiting-list'] as const;
export type CaseForm = (typeof CASE_FORMS)[number] | 'close';

/** Each zod issue at the control its path names (`fields`: schema path → control id), in the schema's own words. */
export function problemsAt(issues: readonly z.core.$ZodIssue[], fields: Record<string, string>, fallback: string) {
  return issues.map((issue): Problem => {
    const path = issue.path.map(String).join('.');
    return { field: fields[path] ?? fields[String(issue.path[0])] ?? fallback, message: issue.message };
  });
}

function parsed<T>(result: z.ZodSafeParseResult<T>, fields: Record<string, string>, fallback: string): Read<T> {
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problems: problemsAt(result.error.issues, fields, fallback) };
}

/** A date box group read with the NHS messages, as a problem at its control when it is not a date. */
function day(entered: Entered, name: string, what: string): { iso?: string; problem?: Problem } {
  const reading = readDateParts(dateBoxes(entered, name), what);
  return reading.ok
    ? { iso: reading.iso }
    : { problem: { field: name, message: reading.message, parts: reading.parts } };
}

/** A contact attempt: when (UK day and time, the form filled with now), how, what happened, an optional note. */
export function readAttempt(entered: Entered): Read<CaseEventBody> {
  const when = day(entered, 'attempt-when', 'Date of the attempt');
  const at = when.iso ? ukInstant(when.iso, text(entered, 'attempt-time')) : undefined;
  const problems: Problem[] = when.problem ? [when.problem] : [];
  if (when.iso && !at)
    problems.push({ field: 'attempt-time', message: 'Enter the time as hours and minutes, for example 14:30.' });
  const note = text(entered, 'attempt-note');
  const attempt = parsed(
    contactAttemptSchema.safeParse({
      at: (at ?? new Date(0)).toISOString(),
      how: text(entered, 'attempt-how') || undefined,
      outcome: text(entered, 'attempt-outcome') || undefined,
      ...(note ? { note } : {}),
    }),
    { how: 'attempt-how', outcome: 'attempt-outcome', note: 'attempt-note' },
    'attempt-how',
  );
  const all = [...problems, ...(attempt.ok ? [] : attempt.problems.map(choiceWords))];
  if (all.length || !attempt.ok) return { ok: false, problems: all };
  return { ok: true, value: { kind: 'attempt', attempt: attempt.value } };
}

/** zod's enum message names the codes; the link worker reads which question to answer. */
function choiceWords(problem: Problem): Problem {
  if (problem.field === 'attempt-how') return { ...problem, message: 'Choose how you tried to reach the person.' };
  if (problem.field === 'attempt-outcome') return { ...problem, message: 'Choose what happened.' };
  return problem;
}

export function readNote(entered: Entered): Read<CaseEventBody> {
  const note = parsed(
    caseNoteSchema.safeParse({ text: text(entered, 'note-text') }),
    { text: 'note-text' },
    'note-text',
  );
  return note.ok ? { ok: true, value: { kind: 'note', note: note.value } } : note;
}

/** The next action and the day it is due; a due day in the past is refused (`today`: the queue's UK day). */
export function readNextAction(entered: Entered, today: string): Read<CaseEventBody> {
  const due = day(entered, 'next-due', 'Date the next action is due');
  const action = parsed(
    nextActionSchema.safeParse({ text: text(entered, 'next-text'), due: due.iso ?? '' }),
    { text: 'next-text' },
    'next-due',
  );
  const problems = [
    ...(action.ok ? [] : action.problems.filter((problem) => problem.field === 'next-text')),
    ...(due.problem ? [due.problem] : []),
    ...(due.iso && due.iso < today ? [{ field: 'next-due', message: 'The next action is due today or later.' }] : []),
  ];
  if (problems.length || !action.ok) return { ok: false, problems };
  return { ok: true, value: { kind: 'next-action', action: action.value } };
}

/** Onto the waiting list with the day the person can expect to hear: today or later. */
export function readWaitingList(entered: Entered, today: string): Read<CaseEventBody> {
  const expected = day(entered, 'waiting-expected', 'Expected date');
  if (expected.problem) return { ok: false, problems: [expected.problem] };
  if ((expected.iso ?? '') < today)
    return { ok: false, problems: [{ field: 'waiting-expected', message: 'The expected date is today or later.' }] };
  const waiting = parsed(waitingListSchema.safeParse({ expected: expected.iso }), {}, 'waiting-expected');
  return waiting.ok ? { ok: true, value: { kind: 'waiting-list', waiting: waiting.value } } : waiting;
}
