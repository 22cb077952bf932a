import { BOUNDARIED_VCSE_MODEL, OPEN_PCN_MODEL } from '../../domain/model/examples';
import { controlId } from '../../domain/model-form/field-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { AgreementFields } from './AgreementFields';
import { CapacityFields } from './CapacityFields';
import { LockedNote } from './LockedNote';
import type { OptionsState } from './options-state';
import { ProposeChange } from './ProposeChange';
import { RequirementsFields } from './RequirementsFields';
import { SafetyFields } from './SafetyFields';
import { ScopeFields } from './ScopeFields';
import { ServiceFields } from './ServiceFields';

const EXAMPLES = [
  { kind: 'open', model: OPEN_PCN_MODEL },
  { kind: 'boundaried', model: BOUNDARIED_VCSE_MODEL },
] as const;

/** The agreed model's editor: a starting point, every part of the model, errors at the top and beside each field. */
export function ModelSection({ state }: { state: OptionsState }) {
  const locked = state.modelLocked.value;
  const summary = state.placed.value.summary.map((entry) => ({
    message: entry.message,
    target: entry.field ? controlId(entry.field) : undefined,
  }));
  return (
    <section aria-labelledby="model-heading" class="options-section" id="model">
      <h2 id="model-heading">The agreed service model</h2>
      {locked && <LockedNote />}
      {!locked && (
        <div class="options-card">
          <h3>Start from an example</h3>
          <p class="nhsuk-body">Loads into the editor; nothing is saved until you choose “Save model”.</p>
          <div class="options-buttons">
            {EXAMPLES.map(({ kind, model }) => (
              <button
                key={kind}
                type="button"
                class="nhsuk-button nhsuk-button--secondary"
                onClick={() => state.loadStartingPoint(model, `The ${kind} example`)}
              >
                Load the {kind} example
              </button>
            ))}
          </div>
        </div>
      )}
      <ErrorSummary id="model-errors" title="There is a problem with the model" items={summary} />
      {state.modelNotice.value && (
        <div class="options-notice" role="status">
          {state.modelNotice.value}
        </div>
      )}
      {state.form.value ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void state.saveModel();
          }}
        >
          <p class="nhsuk-body options-muted">
            Editing version {state.form.value.version}
            {state.local.value.model ? '' : ' (not saved yet)'}.
          </p>
          <ServiceFields state={state} />
          <AgreementFields state={state} />
          <ScopeFields state={state} />
          <SafetyFields state={state} />
          <RequirementsFields state={state} />
          <CapacityFields state={state} />
          {!locked && (
            <button type="submit" class="nhsuk-button">
              Save model
            </button>
          )}
        </form>
      ) : (
        <p class="nhsuk-body">No model is set yet. Start from an example, or import a model file.</p>
      )}
      <ProposeChange state={state} />
    </section>
  );
}
