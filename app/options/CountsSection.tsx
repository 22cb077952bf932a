import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { nhsDate } from '../../domain/clock/nhs-date';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { ask } from '../shared/messaging/ask';
import type { Answer } from '../shared/messaging/protocol';
import { LockedNote } from './LockedNote';
import type { OptionsState } from './options-state';

/**
 * The champion's choice to share counts from the point of referral with the services (issue 18), and exactly what is
 * sent, in words and as an example day.
 */
export function CountsSection({ state }: { state: OptionsState }) {
  const locked = state.locked.value.has('shareCounts');
  const on = state.inForce.value.shareCounts === true;
  const notice = useSignal<string | undefined>(undefined);
  const change = async (checked: boolean) => {
    notice.value = undefined;
    await state.saveShareCounts(checked);
    notice.value = checked ? 'Counts will be shared from today.' : 'Counts are not shared: nothing is counted or sent.';
  };
  return (
    <section aria-labelledby="counts-heading" class="options-section" id="counts">
      <h2 id="counts-heading">Counts for the service</h2>
      <div class="options-card">
        <ChoiceGroup
          id="share-counts"
          name="shareCounts"
          legend="Counts from the point of referral"
          hint="Helps the service and its commissioners see what happens when the pad checks a referral: how many go ahead, how many are sent elsewhere and where."
          choices={[{ value: 'on', label: 'Share counts of referrals checked with the service' }]}
          multiple={true}
          disabled={locked}
          chosen={() => on}
          onChange={(_value, checked) => void change(checked)}
        />
        {locked && <LockedNote id="share-counts-locked" />}
        {notice.value && (
          <p class="options-ok" role="status">
            {notice.value}
          </p>
        )}
        {on && <SentSoFar />}
        <h3>What is sent</h3>
        <p>
          Once a day, after midnight, this browser sends the queue the counts of the day before, for this practice: for
          each service and version of its agreed model, how many referrals were checked on the pad and how each check
          ended —
        </p>
        <ul>
          <li>sent in the agreed model;</li>
          <li>sent with an override (the reason is not sent);</li>
          <li>redirected elsewhere, by the route the model names (for example “NHS 111, option 2”);</li>
          <li>abandoned: not sent, for any other reason.</li>
        </ul>
        <p>
          Nothing else: no patient’s name, NHS number, date of birth, address or contact details, no referrer’s name, no
          needs, no text anyone typed. For example: “Practice Y00001, 1 December 2026, Kingsmead Connect 55+, model
          version 3: 6 checked — 3 sent in the model, 1 sent with an override, 1 redirected to NHS 111, option 2, 1
          abandoned.”
        </p>
        <p>Turned off, nothing is counted or sent, and counts not yet sent are dropped.</p>
      </div>
    </section>
  );
}

type CountsState = Extract<NonNullable<Answer<'counts:state'>>, { ok: true }>;

/** What the background holds of the counts: the last day sent, days waiting, and any day the queue refused, why. */
function SentSoFar() {
  const state = useSignal<CountsState | undefined>(undefined);
  useEffect(() => {
    void ask('counts:state', {})
      .then((answer) => {
        if (answer?.ok) state.value = answer;
      })
      .catch(() => undefined);
  }, []);
  const known = state.value;
  if (!known) return null;
  return (
    <div id="counts-sent">
      <p>
        {known.lastSentDay
          ? `Last sent: the counts of ${nhsDate(known.lastSentDay)}.`
          : 'Nothing sent yet: the first day is sent after midnight.'}
        {known.waiting > 0 && ` ${known.waiting === 1 ? 'One day waits' : `${known.waiting} days wait`} to be sent.`}
      </p>
      {known.refused.map(({ day, reason }) => (
        <p class="nhsuk-error-message" key={day}>
          The queue refused the counts of {nhsDate(day)}: {reason}
        </p>
      ))}
    </div>
  );
}
