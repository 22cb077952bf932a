import { useSignal } from '@preact/signals';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
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
