import type * as fhir4 from 'fhir/r4';
import { z } from 'zod';
import { CLOSING_REASONS, CONNECTION_KINDS, connectionSchema, wellbeingSchema } from '../caseload/case';
import { isNeedCode, NEED_CODES } from '../referral/needs';
import { CASE_STATES } from './message-back';
import { SYSTEMS } from './systems';
import { readWellbeing } from './wellbeing-observation';

// What the pad keeps of the message back (in the outbox row): parsed again whenever it is read, so it is a schema.
const words = z.string().trim().min(1).max(2000);

export const messageBackSchema = z.object({
  /** Where the case stands, in the service's words (Task.businessStatus); 'overdue' carries the no-response words. */
  state: z.object({ code: z.enum(CASE_STATES), text: words }).optional(),
  closing: z
    .object({
      reason: z.enum(CLOSING_REASONS),
      /** The outcome in words, as the service wrote them ("Referred elsewhere: Citizens Advice"). */
      words,
      by: words.optional(),
      at: z.string(),
      connectedTo: z.array(z.object({ kind: z.enum(CONNECTION_KINDS), name: words })),
      needsMet: z.array(z.enum(NEED_CODES)),
      wellbeing: z.object({ start: wellbeingSchema.optional(), end: wellbeingSchema.optional() }),
      summary: words.optional(),
    })
    .optional(),
});
export type MessageBack = z.output<typeof messageBackSchema>;

type Concept = { coding?: { system?: string; code?: string }[]; text?: string } | undefined;

function codeIn(concept: Concept, system: string): string | undefined {
  return concept?.coding?.find((coding) => coding.system === system)?.code;
}

function outputsOf(task: fhir4.Task, code: string): fhir4.TaskOutput[] {
  return (task.output ?? []).filter((o) => codeIn(o.type, SYSTEMS.caseOutput) === code);
}

function wellbeingAt(task: fhir4.Task, when: 'start' | 'end') {
  const reference = outputsOf(task, `wellbeing-${when}`)[0]?.valueReference?.reference;
  const observation = task.contained?.find(
    (r): r is fhir4.Observation => r.resourceType === 'Observation' && `#${r.id}` === reference,
  );
  return observation && readWellbeing(observation);
}

function closingOf(task: fhir4.Task) {
  if (codeIn(task.businessStatus, SYSTEMS.caseState) !== 'closed') return undefined;
  const outcome = outputsOf(task, 'outcome')[0]?.valueCodeableConcept ?? task.statusReason;
  const at = task.lastModified;
  return {
    reason: codeIn(outcome, SYSTEMS.closingReason),
    words: outcome?.text,
    by: task.owner?.display,
    at,
    // Each item on its own: one the pad cannot read is left out, never the whole outcome.
    connectedTo: outputsOf(task, 'connected-to').flatMap((o) => {
      const item = connectionSchema.safeParse({
        kind: codeIn(o.valueCodeableConcept, SYSTEMS.connectionKind),
        name: o.valueCodeableConcept?.text,
      });
      return item.success ? [item.data] : [];
    }),
    needsMet: outputsOf(task, 'need-met').flatMap((o) => {
      const need = codeIn(o.valueCodeableConcept, SYSTEMS.need);
      return need !== undefined && isNeedCode(need) ? [need] : [];
    }),
    wellbeing: { start: wellbeingAt(task, 'start'), end: wellbeingAt(task, 'end') },
    summary: task.note?.filter((note) => note.time === at).at(-1)?.text,
  };
}

function read(task: unknown): unknown {
  const t = task as fhir4.Task;
  if (t?.resourceType !== 'Task') return {};
  const code = codeIn(t.businessStatus, SYSTEMS.caseState);
  return {
    state: code === undefined ? undefined : { code, text: t.businessStatus?.text },
    closing: closingOf(t),
  };
}

/**
 * What the service has told the referrer about the case, from a Task the queue answered with (untrusted): where it
 * stands, and at closing the outcome, who closed it when, what the person was connected to, needs met, wellbeing and
 * the summary. Never throws: a part that does not parse is left out (a Task with none gives `{}`).
 */
export function readMessageBack(task: unknown): MessageBack {
  let raw: { state?: unknown; closing?: unknown };
  try {
    raw = read(task) as typeof raw;
  } catch {
    // A body of the wrong shape somewhere deep (a string where an array was expected): nothing can be read from it.
    return {};
  }
  const state = messageBackSchema.shape.state.safeParse(raw.state);
  const closing = messageBackSchema.shape.closing.safeParse(raw.closing);
  return {
    ...(state.success && state.data ? { state: state.data } : {}),
    ...(closing.success && closing.data ? { closing: closing.data } : {}),
  };
}
