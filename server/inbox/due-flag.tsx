import { nhsDate } from '../../domain/clock/nhs-date';
import { workingDaysBetween } from '../../domain/clock/working-days';
import type { LinkWorkerStatus } from '../../domain/fhir';

/** What a row or a case knows of its due days: fixed on arrival by the service's rule (UK days). */
type DueDays = {
  status: LinkWorkerStatus['status'];
  decisionDue: string;
  contactDue: string;
  nextActionDue?: string;
};

export type DueFlag = { tone: 'red' | 'yellow'; words: string };

/**
 * The flag a referral carries against the service's rule, `today` being the queue's UK day: a decision while it is new,
 * first contact once accepted (contacted: met); overdue the day after the due day, due soon within `dueSoonDays`
 * working days of it. Nothing once the referral is decided and contacted, or closed.
 */
export function dueFlag(row: DueDays, today: string, dueSoonDays: number): DueFlag | undefined {
  const what =
    row.status === 'requested'
      ? { name: 'Decision', due: row.decisionDue }
      : row.status === 'accepted'
        ? { name: 'First contact', due: row.contactDue }
        : undefined;
  if (!what) return undefined;
  const day = nhsDate(what.due, 'short');
  if (today > what.due) return { tone: 'red', words: `${what.name} overdue: was due ${day}` };
  if (workingDaysBetween(today, what.due) <= dueSoonDays)
    return { tone: 'yellow', words: `${what.name} due soon: ${day}` };
  return undefined;
}

export function DueTag(props: { flag: DueFlag | undefined }) {
  if (!props.flag) return null;
  return <strong class={`tag tag-${props.flag.tone}`}>{props.flag.words}</strong>;
}
