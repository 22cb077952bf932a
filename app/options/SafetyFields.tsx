import { SAFETY_QUESTIONS } from '../../domain/referral/safety';
import { ModelChoiceGroup } from './ModelChoiceGroup';
import type { OptionsState } from './options-state';
import { RouteFields } from './RouteFields';

/** Each choice in plain words: what the referrer sees, and whether the referral still goes to the link worker. */
const ACTIONS = [
  {
    value: 'accept',
    label: 'Accept',
    hint: 'The referral goes as usual; the link worker sees the answer with it.',
  },
  {
    value: 'review',
    label: 'Accept for review',
    hint: 'The referral goes; the link worker looks at it before contacting the person. Any route below is shown as advice.',
  },
  {
    value: 'flag',
    label: 'Flag, and give the route to use as well',
    hint: 'The referral goes, flagged red for the link worker, and the referrer is shown the route below to use now too. Send stays off until the referrer ticks “I have used this route”. The open kind’s usual choice: risks are flagged, not refused.',
  },
  {
    value: 'redirect',
    label: 'Redirect (the referral cannot be sent)',
    hint: 'The referral stops: the referrer is told to send the person to the route below instead, and cannot override it. The boundaried kind’s usual choice.',
  },
];

/** How each safety flag is handled, and where to instead. */
export function SafetyFields({ state }: { state: OptionsState }) {
  const safety = state.form.value?.safety;
  const redirects = SAFETY_QUESTIONS.filter((question) => safety?.[question.flag].action === 'redirect').map(
    (question) => question.label.toLowerCase(),
  );
  return (
    <section class="options-card" aria-labelledby="model-safety-heading">
      <h3 id="model-safety-heading">Safety questions</h3>
      <p class="nhsuk-body">
        Link workers are not clinicians. Say what happens when the referrer answers yes to each question.
      </p>
      {state.form.value?.kind === 'open' && redirects.length > 0 && (
        <p class="nhsuk-inset-text options-open-redirect">
          This is an open model, but it redirects {redirects.join(', ')}: a referral with that answer cannot be sent.
          Models saved before flags existed kept their redirects, because redirecting was the agreement’s explicit
          choice. To flag it for the link worker instead, with the route to use as well, choose “Flag”.
        </p>
      )}
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
                  : action === 'flag'
                    ? 'Needed: the referrer uses this route as well, and confirms they have.'
                    : 'Optional when not redirecting or flagging: shown to the referrer as advice.'
              }
            />
          </div>
        );
      })}
    </section>
  );
}
