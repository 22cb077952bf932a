import type { OptionsState } from './options-state';

/** Who speaks for the practice in proposals and agreements (remembered once used): the service sees these. */
export function ChampionFields({ state }: { state: OptionsState }) {
  const { champion, championMissing } = state.directory;
  const field = (key: 'name' | 'role', label: string) => {
    const id = `champion-${key}`;
    const missing = championMissing.value && !champion.value[key]?.trim();
    return (
      <div class={`nhsuk-form-group${missing ? ' nhsuk-form-group--error' : ''}`}>
        <label class="nhsuk-label" for={id}>
          {label}
        </label>
        {missing && (
          <p class="nhsuk-error-message" id={`${id}-error`}>
            <span class="nhsuk-u-visually-hidden">Error:</span> Give your {key}.
          </p>
        )}
        <input
          class="nhsuk-input"
          id={id}
          value={champion.value[key] ?? ''}
          autoComplete={key === 'name' ? 'name' : 'organization-title'}
          aria-invalid={missing ? true : undefined}
          aria-describedby={missing ? `${id}-error` : undefined}
          onInput={(event) => {
            champion.value = { ...champion.value, [key]: event.currentTarget.value };
          }}
        />
      </div>
    );
  };
  return (
    <fieldset class="options-card nhsuk-fieldset">
      <legend class="nhsuk-fieldset__legend">You, for the practice</legend>
      <div class="nhsuk-hint">
        Proposals and agreements carry your name and role and the practice’s name; the service sees them.
      </div>
      <div class="options-inline">
        {field('name', 'Your name')}
        {field('role', 'Your role')}
      </div>
    </fieldset>
  );
}
