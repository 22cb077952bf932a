import { useSignal } from '@preact/signals';
import { ukDate } from '../../domain/clock/uk-date';
import { checkReferral } from '../../domain/criteria';
import type { Verdict } from '../../domain/criteria/verdict';
import type { ServiceModel } from '../../domain/model/model';
import { type Trial, trialDraft } from '../../domain/model-form/trial-draft';
import { NEEDS } from '../../domain/referral/needs';
import { SAFETY_QUESTIONS } from '../../domain/referral/safety';
import { type Choice, ChoiceGroup } from '../../ui/ChoiceGroup';
import { describedBy, Field } from '../../ui/Field';
import type { OptionsState } from './options-state';

const OUTCOME_WORDS = {
  accept: 'Accepted: the referral can be sent.',
  review: 'Accepted for the link worker to review first.',
  redirect: 'Redirected: the GP is told where to send the person instead.',
  incomplete: 'Incomplete: the GP is told what is missing.',
} as const;
const AGE_ERROR = 'Give the age as a whole number of years.';
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
  /** Ticks for a list in the trial, kept in the catalogue's order whatever order they were ticked in. */
  const choices = (field: 'needs' | 'yes', legend: string, options: readonly Choice[], columns = false) => {
    const list: readonly string[] = trial.value[field];
    return (
      <ChoiceGroup
        id={`try-${field}`}
        name={`try-${field}`}
        legend={legend}
        choices={options}
        multiple
        columns={columns}
        chosen={(value) => list.includes(value)}
        onChange={(value, checked) =>
          set({ [field]: options.map((o) => o.value).filter((v) => (v === value ? checked : list.includes(v))) })
        }
      />
    );
  };
  return (
    <section aria-labelledby="try-heading" class="options-section" id="try">
      <h2 id="try-heading">Try a referral</h2>
      <p class="nhsuk-body">
        Checks a test patient against the model in the editor, saved or not, and shows what the GP would see.
      </p>
      <div class="options-card options-try">
        <Field id="try-age" label="Age in years" errors={ageValid ? undefined : [AGE_ERROR]}>
          <input
            class="nhsuk-input nhsuk-input--short"
            id="try-age"
            inputMode="numeric"
            value={ageText.value}
            aria-describedby={describedBy('try-age', undefined, ageValid ? undefined : [AGE_ERROR])}
            onInput={(event) => {
              ageText.value = event.currentTarget.value;
              if (/^\d{1,3}$/.test(ageText.value.trim())) set({ age: Number(ageText.value.trim()) });
            }}
          />
        </Field>
        <Field id="try-postcode" label="Postcode">
          <input
            class="nhsuk-input nhsuk-input--medium"
            id="try-postcode"
            value={trial.value.postcode}
            onInput={(event) => set({ postcode: event.currentTarget.value })}
          />
        </Field>
        {choices(
          'needs',
          'Needs',
          NEEDS.map((need) => ({ value: need.code, label: need.label })),
          true,
        )}
        {choices(
          'yes',
          'Safety questions answered yes',
          SAFETY_QUESTIONS.map((question) => ({ value: question.flag, label: question.question })),
        )}
      </div>
      <TrialResult model={model} verdict={verdict} />
    </section>
  );
}

/** The cards the GP would see for the trial patient, or why there are none. */
function TrialResult({ model, verdict }: { model: ServiceModel | undefined; verdict: Verdict | undefined }) {
  return (
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
  );
}
