import { NEEDS } from '../../domain/referral/needs';
import { ModelChoiceGroup } from './ModelChoiceGroup';
import { ModelText } from './ModelText';
import type { OptionsState } from './options-state';
import { RouteFields } from './RouteFields';

const NEED_CHOICES = NEEDS.map((need) => ({ value: need.code, label: need.label }));

/** Who is in scope: needs, ages, areas, practices, and where to send anyone outside. */
export function ScopeFields({ state }: { state: OptionsState }) {
  return (
    <section class="options-card" aria-labelledby="model-scope-heading">
      <h3 id="model-scope-heading">Who the service is for</h3>
      <ModelChoiceGroup state={state} field="scope.needs" legend="Needs in scope" choices={NEED_CHOICES} multiple />
      <ModelChoiceGroup
        state={state}
        field="scope.mustInclude"
        legend="A referral must include one of these needs (optional)"
        hint="For example loneliness, for a service for people who are isolated. None ticked: no such condition."
        choices={NEED_CHOICES}
        multiple
      />
      <div class="options-inline">
        <ModelText state={state} field="scope.minAge" label="Lowest age (optional)" width="short" />
        <ModelText state={state} field="scope.maxAge" label="Highest age (optional)" width="short" />
      </div>
      <ModelText
        state={state}
        field="scope.postcodeAreas"
        label="Postcode areas or districts (optional)"
        hint="Separated by commas, for example BS15, BS16, BS30. Blank: anywhere."
      />
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
