import { controlId } from '../../domain/model-form/field-errors';
import { Fieldset } from '../../ui/Field';
import { ModelDate } from './ModelDate';
import { ModelText } from './ModelText';
import type { OptionsState } from './options-state';

/** Who agreed the model (a list of roles and organisations), when, when it is to be reviewed, and its summary. */
export function AgreementFields({ state }: { state: OptionsState }) {
  const parties = state.form.value?.agreement.agreedBy ?? [];
  const locked = state.modelLocked.value;
  const field = 'agreement.agreedBy';
  const errors = state.placed.value.byField.get(field);
  const hint = 'Each role and organisation that agreed the model, for example “PCN clinical director, Kingsmead PCN”.';
  const id = controlId(field);
  return (
    <section class="options-card" aria-labelledby="model-agreement-heading">
      <h3 id="model-agreement-heading">The agreement</h3>
      <Fieldset id={id} legend="Agreed by" hint={hint} errors={errors} disabled={locked}>
        {parties.map((party, index) => {
          const rowId = index === 0 ? id : `${id}-${index}`;
          return (
            <div class="options-row" key={index}>
              <label class="nhsuk-label" for={rowId}>
                Party {index + 1}
              </label>
              <input
                class="nhsuk-input"
                id={rowId}
                value={party}
                aria-invalid={errors?.length ? true : undefined}
                onInput={(event) =>
                  state.setField(
                    field,
                    parties.map((old, i) => (i === index ? event.currentTarget.value : old)),
                  )
                }
              />
              <button
                type="button"
                class="nhsuk-button nhsuk-button--secondary options-small"
                onClick={() =>
                  state.setField(
                    field,
                    parties.filter((_, i) => i !== index),
                  )
                }
              >
                Remove party {index + 1}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          class="nhsuk-button nhsuk-button--secondary"
          onClick={() => state.setField(field, [...parties, ''])}
        >
          Add someone who agreed it
        </button>
      </Fieldset>
      <ModelDate state={state} field="agreement.agreedOn" label="Agreed on" />
      <ModelDate
        state={state}
        field="agreement.reviewBy"
        label="Review by"
        hint="After this date the pad and this page warn that the model is overdue for review."
      />
      <ModelText
        state={state}
        field="agreement.summary"
        label="Summary of the agreement"
        hint="In plain English: the referrer sees it on the pad."
        multiline
      />
    </section>
  );
}
