import { controlId } from '../../domain/model-form/field-errors';
import { type PathwayForm, pathwayForm } from '../../domain/model-form/form';
import { NEEDS } from '../../domain/referral/needs';
import { ModelChoiceGroup } from './ModelChoiceGroup';
import { ModelText } from './ModelText';
import type { OptionsState } from './options-state';
import { RouteFields } from './RouteFields';

const NEED_CHOICES = NEEDS.map((need) => ({ value: need.code, label: need.label }));

/** One group the service takes: its name in plain words, its needs, ages and areas; removable while others remain. */
function PathwayFields({ state, index, count }: { state: OptionsState; index: number; count: number }) {
  const at = `scope.pathways.${index}`;
  const pathways = state.form.value?.scope.pathways ?? [];
  return (
    <fieldset class="nhsuk-fieldset options-pathway" data-pathway={index}>
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Group {index + 1}</legend>
      <ModelText
        state={state}
        field={`${at}.label`}
        label="Who this group is, in plain words"
        hint="For example “55 and over and isolated” or “any adult with coaching goals”: the pad names it to the referrer."
      />
      <ModelChoiceGroup
        state={state}
        field={`${at}.needs`}
        legend="Needs in scope for this group (optional)"
        hint="None ticked: any need."
        choices={NEED_CHOICES}
        multiple
      />
      <ModelChoiceGroup
        state={state}
        field={`${at}.mustInclude`}
        legend="A referral in this group must include one of these needs (optional)"
        hint="For example loneliness, for a group of people who are isolated. None ticked: no such condition."
        choices={NEED_CHOICES}
        multiple
      />
      <div class="options-inline">
        <ModelText state={state} field={`${at}.minAge`} label="Lowest age (optional)" width="short" />
        <ModelText state={state} field={`${at}.maxAge`} label="Highest age (optional)" width="short" />
      </div>
      <ModelText
        state={state}
        field={`${at}.postcodeAreas`}
        label="Postcode areas or districts (optional)"
        hint="Separated by commas, for example BS15, BS16, BS30. Blank: anywhere."
      />
      {count > 1 && (
        <button
          type="button"
          class="nhsuk-button nhsuk-button--secondary options-small"
          disabled={state.modelLocked.value}
          onClick={() =>
            state.setField(
              'scope.pathways',
              pathways.filter((_, i) => i !== index),
            )
          }
        >
          Remove group {index + 1}
        </button>
      )}
    </fieldset>
  );
}

/** Who is in scope: the groups (any one fits), practices, and where to send anyone outside. */
export function ScopeFields({ state }: { state: OptionsState }) {
  const pathways: PathwayForm[] = state.form.value?.scope.pathways ?? [];
  const errors = state.placed.value.byField.get('scope.pathways');
  return (
    <section class="options-card" aria-labelledby="model-scope-heading">
      <h3 id="model-scope-heading">Who the service is for</h3>
      <p class="nhsuk-body" id={controlId('scope.pathways')}>
        Describe each group of people the service takes. A referral is in scope when it fits any one group: for example
        “55 and over and isolated” or “any adult with coaching goals”. When it fits none, the pad says which group came
        closest and why, and gives the out-of-scope route.
      </p>
      {errors?.map((message) => (
        <p class="nhsuk-error-message" key={message}>
          {message}
        </p>
      ))}
      {pathways.map((_, index) => (
        <PathwayFields key={index} state={state} index={index} count={pathways.length} />
      ))}
      <button
        type="button"
        class="nhsuk-button nhsuk-button--secondary"
        disabled={state.modelLocked.value}
        onClick={() => state.setField('scope.pathways', [...pathways, pathwayForm()])}
      >
        Add a group
      </button>
      <ModelText
        state={state}
        field="scope.practices"
        label="Practices covered, by ODS code (optional)"
        hint="Separated by commas, for example L81001. Blank: any practice."
      />
      <RouteFields
        state={state}
        base="scope.outOfScopeRoute"
        legend="Out-of-scope route: where to send someone the service is not for"
        hint="A boundary must never just turn someone away: the referrer is told this route."
      />
    </section>
  );
}
