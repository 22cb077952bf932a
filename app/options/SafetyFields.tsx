import { SAFETY_QUESTIONS } from '../../domain/referral/safety';
import { ModelChoiceGroup } from './ModelChoiceGroup';
import type { OptionsState } from './options-state';
import { RouteFields } from './RouteFields';

const ACTIONS = [
  { value: 'accept', label: 'Accept', hint: 'The link worker sees the answer with the referral.' },
  { value: 'review', label: 'Accept for review', hint: 'The link worker looks at it before contacting the person.' },
  { value: 'redirect', label: 'Redirect', hint: 'The referrer is told where to send the person instead.' },
];

/** How each safety flag is handled, and where to instead. */
export function SafetyFields({ state }: { state: OptionsState }) {
  return (
    <section class="options-card" aria-labelledby="model-safety-heading">
      <h3 id="model-safety-heading">Safety questions</h3>
      <p class="nhsuk-body">
        Link workers are not clinicians. Say what happens when the referrer answers yes to each question.
      </p>
      {SAFETY_QUESTIONS.map((question) => {
        const action = state.form.value?.safety[question.flag].action;
        return (
          <div class="options-flag" key={question.flag}>
            <ModelChoiceGroup
              state={state}
              field={`safety.${question.flag}.action`}
              legend={`${question.label}: what to do`}
              choices={ACTIONS}
              multiple={false}
            />
            <RouteFields
              state={state}
              base={`safety.${question.flag}.redirectTo`}
              legend={`${question.label}: where to instead`}
              hint={
                action === 'redirect'
                  ? 'Needed: the referrer is sent here.'
                  : 'Optional when not redirecting: shown to the referrer as advice.'
              }
            />
          </div>
        );
      })}
    </section>
  );
}
