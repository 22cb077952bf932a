import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { DateInput } from '../../ui/DateInput';
import { Field } from '../../ui/Field';
import { Page } from '../inbox/layout';
import type { Session } from '../store/link-workers';
import { BackLink, errorsFor, Problems } from './parts';
import type { CapacityForm, Problem } from './read-forms';

const UNTIL_HINT = 'For example, 5 1 2027';
const NOTE_HINT = 'For a waiting list or a pause: for example, why, or who to refer to meanwhile.';

const STATES = [
  { value: 'accepting', label: 'Accepting referrals' },
  { value: 'waiting-list', label: 'Waiting list', hint: 'Practices still refer; they see about how long people wait.' },
  { value: 'paused', label: 'Paused', hint: 'Practices are not offered the service until the date the pause ends.' },
] as const;

/**
 * How full the service is: a radio each, with the weeks for a waiting list and the end date for a pause beside
 * their radio (no script on this page, so each is always shown and read only for its own choice).
 */
export function CapacityPage(props: { session: Session; form: CapacityForm; problems?: readonly Problem[] }) {
  const { form } = props;
  const problems = props.problems ?? [];
  const { at, described } = errorsFor(problems);
  const untilProblem = problems.find((problem) => problem.field === 'until');
  return (
    <Page title="Change capacity" session={props.session}>
      <BackLink />
      <Problems problems={problems} />
      <h1>Change capacity</h1>
      <form method="post" action="/inbox/service/capacity" class="form">
        <input type="hidden" name="csrf" value={props.session.csrfToken} />
        <ChoiceGroup
          id="state"
          name="state"
          legend={<h2>Is the service taking referrals?</h2>}
          errors={at('state')}
          choices={STATES}
          multiple={false}
          chosen={(value) => form.state === value}
        />
        <Field id="weeks" label="For a waiting list: about how many weeks people wait" errors={at('weeks')}>
          <input
            class="nhsuk-input nhsuk-input--short"
            id="weeks"
            name="weeks"
            inputMode="numeric"
            value={form.weeks}
            {...described('weeks')}
          />
        </Field>
        <DateInput
          id="until"
          name="until"
          legend="For a pause: the date it ends"
          hint={UNTIL_HINT}
          value={form.until}
          error={
            untilProblem && { message: untilProblem.message, parts: untilProblem.parts ?? ['day', 'month', 'year'] }
          }
        />
        <Field id="note" label="Note for practices (optional)" hint={NOTE_HINT} errors={at('note')}>
          <textarea
            class="nhsuk-textarea"
            id="note"
            name="note"
            rows={3}
            maxLength={500}
            {...described('note', NOTE_HINT)}
          >
            {form.note}
          </textarea>
        </Field>
        <button type="submit" class="nhsuk-button">
          Save capacity
        </button>
      </form>
    </Page>
  );
}
