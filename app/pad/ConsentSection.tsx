import { fieldId } from '../../domain/pad/referral-from-draft';
import { PadFieldset } from './PadFieldset';
import type { PadState } from './pad-state';

/** The patient's two consents, asked separately: to the referral, and to their details being shared with the service. */
export function ConsentSection({ state }: { state: PadState }) {
  const { consent } = state.draft.value;
  const set = (which: 'referral' | 'sharing', value: boolean) =>
    state.update((draft) => ({ ...draft, consent: { ...draft.consent, [which]: value } }));
  const errorFor = (path: string) => state.problems.value.find((problem) => problem.field === path)?.message;
  return (
    <PadFieldset title="Consent">
      {(['referral', 'sharing'] as const).map((which) => (
        <div key={which} class={errorFor(`consent.${which}`) ? 'pad-field--error' : undefined}>
          {errorFor(`consent.${which}`) && <p class="pad-error-message">{errorFor(`consent.${which}`)}</p>}
          <label class="pad-checkbox">
            <input
              id={fieldId(`consent.${which}`)}
              type="checkbox"
              checked={consent[which] === true}
              onChange={(event) => set(which, event.currentTarget.checked)}
            />
            <span>
              {which === 'referral'
                ? 'The patient agrees to be referred to social prescribing'
                : 'The patient agrees to their details being shared with the service'}
            </span>
          </label>
        </div>
      ))}
    </PadFieldset>
  );
}
