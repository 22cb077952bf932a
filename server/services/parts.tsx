import type { ComponentChildren } from 'preact';
import type { Party } from '../../domain/service/agreement';
import { capacityWords, type ServiceCapacity } from '../../domain/service/service';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { describedBy } from '../../ui/Field';
import type { Practice } from '../store/practices';
import type { Problem } from './read-forms';

export function SummaryRow(props: { term: string; children: ComponentChildren }) {
  return (
    <div class="summary-row">
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** The capacity as a tag the lead can see from across the room, and in words. */
export function CapacityTag(props: { capacity: ServiceCapacity; today: string }) {
  const tone =
    props.capacity.state === 'accepting' ? 'green' : props.capacity.state === 'waiting-list' ? 'yellow' : 'red';
  return <strong class={`tag tag-${tone}`}>{capacityWords(props.capacity, props.today)}</strong>;
}

/** "Sam Lee, Service lead, Kingsmead Connect". */
export function partyWords(party: Party): string {
  return `${party.name}, ${party.role}, ${party.organisation}`;
}

/** "Riverside Surgery (L81001)", or the code alone for a practice the queue does not list. */
export function practiceWords(practices: readonly Practice[], odsCode: string): string {
  const practice = practices.find((p) => p.odsCode === odsCode);
  return practice ? `${practice.name} (${odsCode})` : odsCode;
}

/** The NHS error summary for a form's problems: each a link to the control to fix. */
export function Problems(props: { problems: readonly Problem[] }) {
  return (
    <ErrorSummary
      id="error-summary"
      title="There is a problem"
      items={props.problems.map((problem) => ({ message: problem.message, target: problem.field }))}
    />
  );
}

/** The errors shown beside a control, and the attributes that tie them to it. */
export function errorsFor(problems: readonly Problem[]) {
  const at = (field: string) => problems.filter((p) => p.field === field).map((p) => p.message);
  return {
    at,
    described: (field: string, hint?: string) => ({
      'aria-describedby': describedBy(field, hint, at(field)),
      'aria-invalid': at(field).length ? true : undefined,
    }),
  };
}

export function BackLink() {
  return (
    <a class="back-link" href="/inbox/service">
      Your service
    </a>
  );
}
