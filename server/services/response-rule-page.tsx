import { Field } from '../../ui/Field';
import { Page } from '../inbox/layout';
import type { Session } from '../store/link-workers';
import { BackLink, errorsFor, Problems } from './parts';
import type { Problem } from './read-forms';

/** The rule as typed: three whole numbers of working days. */
export type ResponseRuleForm = Record<'firstContactWorkingDays' | 'decisionWorkingDays' | 'dueSoonWorkingDays', string>;

const FIELDS = [
  {
    id: 'decisionWorkingDays',
    label: 'A decision within (working days)',
    hint: 'Accept, decline or redirect. Past this, the referral is overdue in the caseload and on the GP’s pad. 1 to 60.',
  },
  {
    id: 'firstContactWorkingDays',
    label: 'First contact within (working days)',
    hint: 'Once accepted, the person is reached within this. 1 to 60.',
  },
  {
    id: 'dueSoonWorkingDays',
    label: 'Flag “due soon” this many working days before',
    hint: '0 to 10. 0 flags a referral on its due day only.',
  },
] as const;

/** The service's response-time rule: working days (England and Wales bank holidays are not working days). */
export function ResponseRulePage(props: { session: Session; form: ResponseRuleForm; problems?: readonly Problem[] }) {
  const problems = props.problems ?? [];
  const { at, described } = errorsFor(problems);
  return (
    <Page title="Response times" session={props.session}>
      <BackLink />
      <Problems problems={problems} />
      <h1>Response times</h1>
      <p>
        Counted in working days from the day a referral arrives; weekends and England and Wales bank holidays are not
        counted. Referrals already received keep the due days they arrived with.
      </p>
      <form method="post" action="/inbox/service/response-rule" class="form">
        <input type="hidden" name="csrf" value={props.session.csrfToken} />
        {FIELDS.map(({ id, label, hint }) => (
          <Field key={id} id={id} label={label} hint={hint} errors={at(id)}>
            <input
              class="nhsuk-input nhsuk-input--width-2"
              id={id}
              name={id}
              inputMode="numeric"
              value={props.form[id]}
              {...described(id, hint)}
            />
          </Field>
        ))}
        <button type="submit" class="nhsuk-button">
          Save response times
        </button>
      </form>
    </Page>
  );
}
