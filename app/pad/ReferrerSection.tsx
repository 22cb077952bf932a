import type { PadState } from './pad-state';
import { TextInput } from './TextInput';

/** Who is referring: remembered between referrals, so it is typed once. */
export function ReferrerSection({ state }: { state: PadState }) {
  const { referrer } = state.draft.value;
  const set = (which: 'name' | 'role' | 'odsCode') => (value: string) =>
    state.update((draft) => ({ ...draft, referrer: { ...draft.referrer, [which]: value } }));
  const errorFor = (path: string) => state.problems.value.find((problem) => problem.field === path)?.message;
  return (
    <fieldset class="pad-section">
      <legend>
        <h2>Referrer</h2>
      </legend>
      <p class="pad-hint">Remembered for your next referral.</p>
      <div class="pad-row">
        <TextInput
          path="referrer.name"
          label="Your name"
          value={referrer.name ?? ''}
          autocomplete="name"
          error={errorFor('referrer.name')}
          onInput={set('name')}
        />
        <TextInput
          path="referrer.role"
          label="Your role"
          value={referrer.role ?? ''}
          autocomplete="organization-title"
          error={errorFor('referrer.role')}
          onInput={set('role')}
        />
      </div>
      <TextInput
        path="referrer.odsCode"
        label="Practice ODS code"
        value={referrer.odsCode ?? ''}
        hint="For example L81001"
        error={errorFor('referrer.odsCode')}
        onInput={set('odsCode')}
      />
    </fieldset>
  );
}
