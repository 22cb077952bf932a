import { CLOSING_REASONS, CONNECTION_KINDS } from '../../../domain/caseload/case';
import { ONS4_QUESTIONS, SWEMWBS_ANSWERS, SWEMWBS_STATEMENTS } from '../../../domain/caseload/wellbeing';
import { needLabel } from '../../../domain/referral';
import { ChoiceGroup } from '../../../ui/ChoiceGroup';
import { Field, Fieldset } from '../../../ui/Field';
import { errorsFor } from '../../services/parts';
import { CaseFormBox, type CaseFormProps } from './case-forms';
import { type Entered, text, values } from './entered';
import { answerId, CONNECTION_ROWS, WHEN } from './read-closing';

const REASONS: Record<(typeof CLOSING_REASONS)[number], { label: string; hint?: string }> = {
  completed: { label: 'Completed', hint: 'The work with the person has ended as planned.' },
  // Not "declined": that is a decision on the referral, above (and a label a screen reader user searches by).
  'patient-declined': { label: 'The person chose not to go ahead' },
  'unable-to-contact': { label: 'Unable to contact', hint: 'Say after how many attempts.' },
  'did-not-engage': { label: 'Did not engage' },
  'referred-elsewhere': { label: 'Referred elsewhere', hint: 'Say where.' },
};

const KINDS: Record<(typeof CONNECTION_KINDS)[number], string> = {
  activity: 'An activity',
  group: 'A group',
  service: 'A service',
  other: 'Something else',
};

/** One time's scores (start or end): every question optional, blank is skipped. */
function Scores(props: { when: 'start' | 'end'; entered?: Entered; errors: ReturnType<typeof errorsFor> }) {
  const { at, described } = props.errors;
  const value = (id: string) => (props.entered ? text(props.entered, id) : '');
  const title = props.when === 'start' ? 'At the start' : 'At the end';
  return (
    <>
      <Fieldset id={`close-${props.when}-ons4`} legend={`ONS4, ${title.toLowerCase()} (0 to 10; blank to skip)`}>
        {Object.entries(ONS4_QUESTIONS).map(([key, label]) => {
          const id = answerId(props.when, 'ons4', key);
          return (
            <Field key={key} id={id} label={label} errors={at(id)}>
              <input
                class="nhsuk-input nhsuk-input--width-2"
                id={id}
                name={id}
                inputMode="numeric"
                value={value(id)}
                {...described(id)}
              />
            </Field>
          );
        })}
      </Fieldset>
      <Fieldset id={`close-${props.when}-swemwbs`} legend={`SWEMWBS, ${title.toLowerCase()}: over the last two weeks`}>
        {SWEMWBS_STATEMENTS.map((statement, index) => {
          const id = answerId(props.when, 'swemwbs', index + 1);
          return (
            <Field key={statement} id={id} label={statement} errors={at(id)}>
              <select class="nhsuk-select" id={id} name={id} {...described(id)}>
                <option value="">Skipped</option>
                {SWEMWBS_ANSWERS.map((words, score) => (
                  <option key={words} value={String(score + 1)} selected={value(id) === String(score + 1)}>
                    {`${score + 1}: ${words}`}
                  </option>
                ))}
              </select>
            </Field>
          );
        })}
      </Fieldset>
    </>
  );
}

/** Closing the case: the reason, its details, what the person was connected to, wellbeing, the summary for the GP. */
export function CloseForm(props: CaseFormProps & { attempts: number; needs: readonly string[] }) {
  const errors = errorsFor(props.problems);
  const { at, described } = errors;
  const { entered } = props;
  const value = (id: string, otherwise = '') => (entered ? text(entered, id) : otherwise);
  return (
    <CaseFormBox form="close" heading="Close the case" button="Close the case" {...props}>
      <ChoiceGroup
        id="close-reason"
        name="close-reason"
        legend="Why is the case closing?"
        errors={at('close-reason')}
        choices={CLOSING_REASONS.map((reason) => ({ value: reason, ...REASONS[reason] }))}
        multiple={false}
        chosen={(reason) => value('close-reason') === reason}
      />
      <Field id="close-attempts" label="Unable to contact: after how many attempts" errors={at('close-attempts')}>
        <input
          class="nhsuk-input nhsuk-input--width-2"
          id="close-attempts"
          name="close-attempts"
          inputMode="numeric"
          value={value('close-attempts', props.attempts > 0 ? String(props.attempts) : '')}
          {...described('close-attempts')}
        />
      </Field>
      <Field id="close-elsewhere" label="Referred elsewhere: where to" errors={at('close-elsewhere')}>
        <input
          class="nhsuk-input"
          id="close-elsewhere"
          name="close-elsewhere"
          maxLength={300}
          value={value('close-elsewhere')}
          {...described('close-elsewhere')}
        />
      </Field>
      <Fieldset id="close-connected" legend="What the person was connected to (optional)">
        {Array.from({ length: CONNECTION_ROWS }, (_, index) => {
          const row = `close-connected-${index + 1}`;
          return (
            <div class="connection" key={row}>
              <Field id={`${row}-kind`} label={`Connection ${index + 1}: kind`}>
                <select class="nhsuk-select" id={`${row}-kind`} name={`${row}-kind`}>
                  {CONNECTION_KINDS.map((kind) => (
                    <option key={kind} value={kind} selected={value(`${row}-kind`, 'activity') === kind}>
                      {KINDS[kind]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={`${row}-name`} label={`Connection ${index + 1}: name`} errors={at(`${row}-name`)}>
                <input
                  class="nhsuk-input nhsuk-input--medium"
                  id={`${row}-name`}
                  name={`${row}-name`}
                  maxLength={200}
                  value={value(`${row}-name`)}
                  {...described(`${row}-name`)}
                />
              </Field>
            </div>
          );
        })}
      </Fieldset>
      {props.needs.length > 0 && (
        <ChoiceGroup
          id="close-needs"
          name="close-needs"
          legend="Needs met (optional)"
          errors={at('close-needs')}
          choices={props.needs.map((need) => ({ value: need, label: needLabel(need) }))}
          multiple
          chosen={(need) => (entered ? values(entered, 'close-needs').includes(need) : false)}
        />
      )}
      <ChoiceGroup
        id="close-measure"
        name="close-measure"
        legend="Wellbeing scores (optional: some questions can upset people, so skip any)"
        hint="Only the answers under the measure chosen are kept."
        choices={[
          { value: '', label: 'No scores' },
          { value: 'ons4', label: 'ONS4 (personal wellbeing)' },
          { value: 'swemwbs', label: 'SWEMWBS (short Warwick-Edinburgh)' },
        ]}
        multiple={false}
        chosen={(measure) => value('close-measure') === measure}
      />
      {WHEN.map((when) => (
        <Scores key={when} when={when} {...(entered ? { entered } : {})} errors={errors} />
      ))}
      <Field id="close-summary" label="Summary for the GP (optional)" errors={at('close-summary')}>
        <textarea
          class="nhsuk-textarea"
          id="close-summary"
          name="close-summary"
          rows={4}
          maxLength={2000}
          {...described('close-summary')}
        >
          {value('close-summary')}
        </textarea>
      </Field>
    </CaseFormBox>
  );
}
