import { PadFieldset } from './PadFieldset';
import type { PadState } from './pad-state';
import { TextInput } from './TextInput';

/** Who is referring: remembered between referrals, so it is typed once. */
export function ReferrerSection({ state }: { state: PadState }) {
  const { referrer } = state.draft.value;
  const set = (which: 'name' | 'role' | 'odsCode') => (value: string) =>
    state.update((draft) => ({ ...draft, referrer: { ...draft.referrer, [which]: value } }));
  const errorFor = (path: string) => state.problems.value.find((problem) => problem.field === path)?.message;
  const input = (which: 'name' | 'role' | 'odsCode', label: string, more: { autocomplete?: string; hint?: string }) => (
    <TextInput
      path={`referrer.${which}`}
      label={label}
      value={referrer[which] ?? ''}
      error={errorFor(`referrer.${which}`)}
      onInput={set(which)}
      {...more}
    />
  );
  return (
    <PadFieldset title="Referrer">
      <p class="pad-hint">Remembered for your next referral.</p>
      <div class="pad-row">
        {input('name', 'Your name', { autocomplete: 'name' })}
        {input('role', 'Your role', { autocomplete: 'organization-title' })}
      </div>
      {input('odsCode', 'Practice ODS code', { hint: 'For example L81001' })}
    </PadFieldset>
  );
}
