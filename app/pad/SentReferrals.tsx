import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { startOfToday, startOfWeek } from '../../domain/clock/day-start';
import { nhsDateTime } from '../../domain/clock/nhs-date';
import type { DeliveryWatch } from '../../domain/outbox/overdue';
import { type SentReferralView, sentReferralView } from '../../domain/outbox/sent-wording';
import { outcomeRecordEntry } from '../../domain/record-entry/outcome-entry';
import { RecordEntry } from './RecordEntry';
import { type SentList, sendAgain, useSentReferrals } from './use-sent-referrals';

/**
 * One list of sent referrals with each one's state in the GP's words; changes are announced (role=status). No
 * patient's name is shown: the patient in the room may see the screen.
 */
export function SentReferralList({
  title,
  list,
  watch,
  empty = 'None.',
  now = Date.now(),
  children,
}: {
  title: string;
  list: SentList;
  /** When a referral still waiting turns into Needs attention (the practice's setting), and where it goes. */
  watch: DeliveryWatch;
  empty?: string;
  now?: number;
  /** Shown under the heading, above the list (e.g. the Today / This week switch). */
  children?: ComponentChildren;
}) {
  const id = `pad-sent-${title.toLowerCase().replace(/\W+/g, '-')}`;
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const again = (id: string) =>
    sendAgain(id).then(
      () => setProblem(undefined),
      (error: Error) => setProblem(`It was not sent again: ${error.message}.`),
    );
  return (
    <section class="pad-sent-group" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
      <div role="status">
        {list.failed ? (
          <p class="pad-error-message">The sent referrals could not be read: {list.failed}.</p>
        ) : !list.loaded ? (
          <p class="pad-hint">Reading the outbox…</p>
        ) : list.rows.length === 0 ? (
          <p class="pad-hint">{empty}</p>
        ) : (
          <ul class="pad-sent-list">
            {list.rows.map((row) => {
              const view = sentReferralView(row, now, watch);
              return (
                <li key={view.id} class={`pad-sent-item${view.attention ? ' pad-sent-item--attention' : ''}`}>
                  <strong class="pad-sent-reference">{view.reference}</strong> —{' '}
                  <time dateTime={new Date(view.sentAt).toISOString()}>{nhsDateTime(view.sentAt)}</time>
                  {view.needs.length > 0 && <span> · {view.needs.join(', ')}</span>}
                  <p class="pad-sent-state">
                    <strong>{view.state}</strong>
                    {view.detail && <span>: {view.detail}</span>}
                  </p>
                  {view.closing && <ClosedOutcome id={view.id} reference={view.reference} closing={view.closing} />}
                  {view.canSendAgain && (
                    <button
                      type="button"
                      class="pad-button pad-button--secondary"
                      onClick={() => void again(view.id)}
                      aria-label={`Send ${view.reference} again`}
                    >
                      Send again
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {problem && <p class="pad-error-message">{problem}</p>}
      </div>
    </section>
  );
}

/** A closed case: the link worker's summary, and the outcome's entry for the record (folded: the list stays short). */
function ClosedOutcome({
  id,
  reference,
  closing,
}: {
  id: string;
  reference: string;
  closing: NonNullable<SentReferralView['closing']>;
}) {
  // The same referral can be in both lists (this patient's and the practice's): each entry needs its own id.
  const entryId = `pad-outcome-entry-${useId()}`;
  return (
    <>
      {closing.summary && <p class="pad-sent-summary">Summary from the link worker: {closing.summary}</p>}
      <details class="pad-sent-outcome">
        <summary>Outcome for the clinical record ({reference})</summary>
        <RecordEntry
          id={entryId}
          label={`Outcome of ${reference} for the clinical record`}
          copyLabel="Copy the outcome for the record"
          rows={8}
          text={outcomeRecordEntry(id, closing)}
        />
      </details>
    </>
  );
}

/** This patient's referrals (by NHS number) and the practice's, today or this week. */
export function SentLists({
  nhsNumber,
  patient,
  watch,
}: {
  nhsNumber: string | undefined;
  patient?: SentList;
  watch: DeliveryWatch;
}) {
  const [range, setRange] = useState<'today' | 'week'>('today');
  const own = useSentReferrals(patient || !nhsNumber ? undefined : { nhsNumber });
  const practice = useSentReferrals({ since: range === 'today' ? startOfToday() : startOfWeek() });
  const choose = (value: 'today' | 'week') => (
    <label class="pad-radio">
      <input
        type="radio"
        name="pad-sent-range"
        value={value}
        checked={range === value}
        onChange={() => setRange(value)}
      />
      <span>{value === 'today' ? 'Today' : 'This week'}</span>
    </label>
  );
  return (
    <>
      <SentReferralList
        title="This patient"
        list={patient ?? own}
        watch={watch}
        empty={nhsNumber ? 'None sent for this patient.' : 'Their referrals show once the NHS number is filled in.'}
      />
      <SentReferralList
        title="This practice"
        list={practice}
        watch={watch}
        empty={range === 'today' ? 'None sent today.' : 'None sent this week.'}
      >
        <fieldset class="pad-sent-range">
          <legend>Show the referrals sent</legend>
          <div class="pad-radios">
            {choose('today')}
            {choose('week')}
          </div>
        </fieldset>
      </SentReferralList>
    </>
  );
}
