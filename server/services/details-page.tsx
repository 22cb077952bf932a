import { Field } from '../../ui/Field';
import { Page } from '../inbox/layout';
import type { Session } from '../store/link-workers';
import { BackLink, errorsFor, Problems } from './parts';
import type { DetailsForm, Problem } from './read-forms';

const CONTACT_HINT = 'For example: A link worker phones within 5 working days.';
const HOURS_HINT = 'For example: Monday to Friday, 9am to 5pm.';

const AREAS_HINT =
  'Postcode areas or districts, separated by commas, for example BS16, BS15. Leave empty for anywhere.';

/** The service's details as the practices' directory shows them: a field each, each with its own error. */
export function DetailsPage(props: { session: Session; form: DetailsForm; problems?: readonly Problem[] }) {
  const { form } = props;
  const problems = props.problems ?? [];
  const { at, described } = errorsFor(problems);
  const input = (id: keyof DetailsForm, extra: Record<string, unknown> = {}) => (
    <input class="nhsuk-input" id={id} name={id} value={form[id]} {...described(id)} {...extra} />
  );
  return (
    <Page title="Change the service’s details" session={props.session}>
      <BackLink />
      <Problems problems={problems} />
      <h1>Change the service’s details</h1>
      <p>Practices see these in their directory and on the patient’s slip.</p>
      <form method="post" action="/inbox/service/details" class="form">
        <input type="hidden" name="csrf" value={props.session.csrfToken} />
        <Field id="name" label="Service name" errors={at('name')}>
          {input('name', { maxLength: 200 })}
        </Field>
        <Field id="organisationName" label="Organisation that runs it" errors={at('organisationName')}>
          {input('organisationName', { maxLength: 200 })}
        </Field>
        <Field id="organisationOds" label="Organisation’s ODS code (if it has one)" errors={at('organisationOds')}>
          {input('organisationOds', { maxLength: 10, autocomplete: 'off' })}
        </Field>
        <Field id="description" label="What the service does" errors={at('description')}>
          <textarea
            class="nhsuk-textarea"
            id="description"
            name="description"
            rows={4}
            maxLength={2000}
            {...described('description')}
          >
            {form.description}
          </textarea>
        </Field>
        <Field
          id="contact"
          label="How the service makes contact with people"
          hint={CONTACT_HINT}
          errors={at('contact')}
        >
          <textarea
            class="nhsuk-textarea"
            id="contact"
            name="contact"
            rows={2}
            maxLength={500}
            {...described('contact', CONTACT_HINT)}
          >
            {form.contact}
          </textarea>
        </Field>
        <Field id="hours" label="Hours" hint={HOURS_HINT} errors={at('hours')}>
          {input('hours', { maxLength: 300, ...described('hours', HOURS_HINT) })}
        </Field>
        <Field id="areas" label="Areas served" hint={AREAS_HINT} errors={at('areas')}>
          {input('areas', described('areas', AREAS_HINT))}
        </Field>
        <button type="submit" class="nhsuk-button">
          Save details
        </button>
      </form>
    </Page>
  );
}
