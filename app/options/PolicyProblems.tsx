import type { OptionsState } from './options-state';

/** Policy values the organisation set that could not be used: said, so the champion can tell their IT team. */
export function PolicyProblems({ state }: { state: OptionsState }) {
  const problems = state.managed.value.problems;
  if (!problems.length) return null;
  return (
    <div class="nhsuk-warning-callout" role="status">
      <h2 class="nhsuk-warning-callout__label">Some of your organisation’s settings could not be used</h2>
      <ul>
        {problems.map((problem) => (
          <li key={problem.key}>
            <strong>{problem.key}</strong>: {problem.message}
          </li>
        ))}
      </ul>
      <p>Your own settings are used for these until your IT team corrects the policy.</p>
    </div>
  );
}
