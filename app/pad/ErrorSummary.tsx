import { useEffect, useRef } from 'preact/hooks';
import { fieldId, type SendProblem } from '../../domain/pad/referral-from-draft';

/** The NHS error-summary pattern: at the top, focused when Send fails, each problem a link to the field to fix. */
export function ErrorSummary({ problems }: { problems: SendProblem[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length) box.current?.focus();
  }, [problems]);
  if (!problems.length) return null;
  return (
    <div class="pad-error-summary" role="alert" aria-labelledby="pad-error-summary-title" tabIndex={-1} ref={box}>
      <h2 id="pad-error-summary-title">There is a problem</h2>
      <ul>
        {problems.map((problem) => (
          <li key={problem.field + problem.message}>
            <a
              href={`#${fieldId(problem.field)}`}
              onClick={(event) => {
                const target = document.getElementById(fieldId(problem.field));
                if (!target) return;
                event.preventDefault();
                target.focus();
                target.scrollIntoView({ block: 'center' });
              }}
            >
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
