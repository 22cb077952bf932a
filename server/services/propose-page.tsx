import { Field } from '../../ui/Field';
import { Page } from '../inbox/layout';
import type { Session } from '../store/link-workers';
import type { Practice } from '../store/practices';
import { BackLink, errorsFor, Problems } from './parts';
import type { Problem, ProposeForm } from './read-forms';

const MODEL_HINT =
  'The model file’s JSON, as the practice’s options page saves it. It starts from the version in force with the practice you chose; edit it here, or choose a file below instead.';

/**
 * The lead proposes a version to a practice: pick the practice (which fills the box with the version in force), then
 * edit the model's JSON or upload a model file. No script on the page, so choosing the practice is its own small form.
 */
export function ProposePage(props: {
  session: Session;
  practices: readonly Practice[];
  form: ProposeForm;
  /** The version in force with the chosen practice, if any. */
  inForce?: number;
  problems?: readonly Problem[];
}) {
  const { form } = props;
  const problems = props.problems ?? [];
  const { at, described } = errorsFor(problems);
  return (
    <Page title="Propose a model to a practice" session={props.session}>
      <BackLink />
      <Problems problems={problems} />
      <h1>Propose a model to a practice</h1>
      <form method="get" action="/inbox/service/propose" class="form">
        <Field id="practice" label="Practice" errors={at('practice')}>
          <select class="nhsuk-select" id="practice" name="practice" {...described('practice')}>
            <option value="">Choose a practice</option>
            {props.practices.map((practice) => (
              <option key={practice.odsCode} value={practice.odsCode} selected={form.practice === practice.odsCode}>
                {`${practice.name} (${practice.odsCode})`}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" class="nhsuk-button nhsuk-button--secondary">
          Start from its version in force
        </button>
      </form>
      {form.practice && (
        <p class="inset">
          {props.inForce
            ? `The box below holds version ${props.inForce}, in force with this practice now.`
            : 'No version is agreed with this practice yet: paste or upload a model.'}
        </p>
      )}
      <form method="post" action="/inbox/service/propose" class="form" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value={props.session.csrfToken} />
        <input type="hidden" name="practice" value={form.practice} />
        <Field id="model" label="The model (JSON)" hint={MODEL_HINT} errors={at('model')}>
          <textarea
            class="nhsuk-textarea code"
            id="model"
            name="model"
            rows={24}
            spellcheck={false}
            {...described('model', MODEL_HINT)}
          >
            {form.model}
          </textarea>
        </Field>
        <Field id="file" label="Or upload a model file" hint="A .json model file replaces what is in the box.">
          <input
            class="nhsuk-file"
            id="file"
            name="file"
            type="file"
            accept=".json,application/json"
            aria-describedby="file-hint"
          />
        </Field>
        <button type="submit" class="nhsuk-button">
          Propose to the practice
        </button>
      </form>
    </Page>
  );
}
