import { useLayoutEffect, useRef } from 'preact/hooks';

export type SummaryItem = { message: string; target?: string };

/**
 * The NHS error-summary pattern: at the top, focused when it appears, each problem a link to the control to fix. On a
 * page rendered on the server (the inbox: no script) the effect and the click handler never run, and the links are
 * plain fragment links to the control's id.
 */
export function ErrorSummary({ title, items, id }: { title: string; items: readonly SummaryItem[]; id: string }) {
  const box = useRef<HTMLDivElement>(null);
  // Focused when the problems change, not on every render: callers build `items` afresh each time, and focus taken
  // back while the user types in a field would lose their place. A layout effect, so focus moves as the summary is
  // shown rather than a frame later (a frame the browser may never give a hidden page).
  const problems = items.map((item) => `${item.target ?? ''} ${item.message}`).join('\n');
  useLayoutEffect(() => {
    if (problems) box.current?.focus();
  }, [problems]);
  if (!items.length) return null;
  return (
    <div class="nhsuk-error-summary" role="alert" aria-labelledby={`${id}-title`} tabIndex={-1} ref={box} id={id}>
      <h2 class="nhsuk-error-summary__title" id={`${id}-title`}>
        {title}
      </h2>
      <ul class="nhsuk-list nhsuk-error-summary__list">
        {items.map((item, index) => (
          <li key={index}>
            {item.target ? (
              <a
                href={`#${item.target}`}
                onClick={(event) => {
                  const target = document.getElementById(item.target as string);
                  if (!target) return;
                  event.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: 'center' });
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
