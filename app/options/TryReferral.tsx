import { useSignal } from '@preact/signals';
import { ukDate } from '../../domain/clock/uk-date';
import { checkReferral } from '../../domain/criteria';
import { type Trial, trialDraft } from '../../domain/model-form/trial-draft';
import { NEEDS, type NeedCode } from '../../domain/referral/needs';
import { SAFETY_QUESTIONS } from '../../domain/referral/safety';
import type { OptionsState } from './options-state';

const OUTCOME_WORDS = {
  accept: 'Accepted: the referral can be sent.',
  review: 'Accepted for the link worker to review first.',
  redirect: 'Redirected: the GP is told where to send the person instead.',
  incomplete: 'Incomplete: the GP is told what is missing.',
} as const;
const INDICATOR_WORDS = { info: 'Information', warning: 'Warning', critical: 'Stop' } as const;

/** A test patient checked against the model being edited (saved or not): the cards a GP would see on the pad. */
export function TryReferral({ state }: { state: OptionsState }) {
  const trial = useSignal<Trial>({ age: 70, needs: ['loneliness'], yes: [], postcode: 'BS16 1AA' });
  const ageText = useSignal('70');
  const model = state.editedModel.value;
  const today = ukDate(Date.now());
  const verdict = model && checkReferral(model, trialDraft(trial.value, model, today), today);
  const set = (patch: Partial<Trial>) => {
    trial.value = { ...trial.value, ...patch };
  };
  const ageValid = /^\d{1,3}$/.test(ageText.value.trim());
  return (
    <section aria-labelledby="try-heading" class="options-section" id="try">
      <h2 id="try-heading">Try a referral</h2>
      <p class="nhsuk-body">
        Checks a test patient against the model in the editor, saved or not, and shows what the GP would see.
      </p>
      <div class="options-card options-try">
        <div class={`nhsuk-form-group${ageValid ? '' : ' nhsuk-form-group--error'}`}>
          <label class="nhsuk-label" for="try-age">
            Age in years
          </label>
          {!ageValid && (
            <p class="nhsuk-error-message" id="try-age-error">
              <span class="nhsuk-u-visually-hidden">Error:</span> Give the age as a whole number of years.
            </p>
          )}
          <input
            class="nhsuk-input nhsuk-input--short"
            id="try-age"
            inputMode="numeric"
            value={ageText.value}
            aria-describedby={ageValid ? undefined : 'try-age-error'}
            onInput={(event) => {
              ageText.value = event.currentTarget.value;
              if (/^\d{1,3}$/.test(ageText.value.trim())) set({ age: Number(ageText.value.trim()) });
            }}
          />
        </div>
        <div class="nhsuk-form-group">
          <label class="nhsuk-label" for="try-postcode">
            Postcode
          </label>
          <input
            class="nhsuk-input nhsuk-input--medium"
            id="try-postcode"
            value={trial.value.postcode}
            onInput={(event) => set({ postcode: event.currentTarget.value })}
          />
        </div>
        <fieldset class="nhsuk-fieldset nhsuk-form-group">
          <legend class="nhsuk-fieldset__legend">Needs</legend>
          <div class="nhsuk-checkboxes options-columns">
            {NEEDS.map((need) => (
              <div class="nhsuk-checkboxes__item" key={need.code}>
                <input
                  class="nhsuk-checkboxes__input"
                  type="checkbox"
                  id={`try-need-${need.code}`}
                  checked={trial.value.needs.includes(need.code)}
                  onChange={(event) =>
                    set({
                      needs: NEEDS.map((n) => n.code).filter((code: NeedCode) =>
                        code === need.code ? event.currentTarget.checked : trial.value.needs.includes(code),
                      ),
                    })
                  }
                />
                <label class="nhsuk-label" for={`try-need-${need.code}`}>
                  {need.label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset class="nhsuk-fieldset nhsuk-form-group">
          <legend class="nhsuk-fieldset__legend">Safety questions answered yes</legend>
          <div class="nhsuk-checkboxes">
            {SAFETY_QUESTIONS.map((question) => (
              <div class="nhsuk-checkboxes__item" key={question.flag}>
                <input
                  class="nhsuk-checkboxes__input"
                  type="checkbox"
                  id={`try-yes-${question.flag}`}
                  checked={trial.value.yes.includes(question.flag)}
                  onChange={(event) =>
                    set({
                      yes: event.currentTarget.checked
                        ? [...trial.value.yes, question.flag]
                        : trial.value.yes.filter((flag) => flag !== question.flag),
                    })
                  }
                />
                <label class="nhsuk-label" for={`try-yes-${question.flag}`}>
                  {question.question}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div class="options-card" aria-live="polite" id="try-result">
        {!model ? (
          <p class="nhsuk-body">Fix the problems in the model first: there is no valid model to check against.</p>
        ) : (
          verdict && (
            <>
              <h3 data-outcome={verdict.outcome}>{OUTCOME_WORDS[verdict.outcome]}</h3>
              {verdict.cards.length === 0 && <p class="nhsuk-body">No cards: the GP sees nothing to act on.</p>}
              <ul class="options-cards">
                {verdict.cards.map((card) => (
                  <li
                    class={`options-verdict-card options-verdict-card--${card.indicator}`}
                    key={card.rule + (card.subject ?? '')}
                    data-rule={card.rule}
                  >
                    <p>
                      <strong>{INDICATOR_WORDS[card.indicator]}: </strong>
                      {card.summary}
                    </p>
                    {card.detail && <p>{card.detail}</p>}
                    {card.suggestions.map((suggestion) => (
                      <p key={suggestion.label}>
                        Instead: <strong>{suggestion.route.service}</strong> — {suggestion.route.contact}
                      </p>
                    ))}
                    {card.overridable && <p class="options-muted">The GP may go ahead with a reason.</p>}
                  </li>
                ))}
              </ul>
            </>
          )
        )}
      </div>
    </section>
  );
}
