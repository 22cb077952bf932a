import type { ComponentChildren } from 'preact';

/**
 * A section of the pad shown as one line (NHS summary-list style): its title, what it holds, and a button that opens
 * its fields ("edit", "change"; the button's name says what it changes).
 */
export function OneLine({
  id,
  title,
  action,
  actionFor,
  onAction,
  children,
}: {
  id: string;
  title: string;
  action: 'edit' | 'change';
  /** Completes the button's name for a screen reader: "edit the patient’s details". */
  actionFor: string;
  onAction: () => void;
  children: ComponentChildren;
}) {
  return (
    <section class="pad-line" id={id} aria-labelledby={`${id}-title`}>
      <h2 class="pad-line__title" id={`${id}-title`}>
        {title}
      </h2>{' '}
      <span class="pad-line__text">{children}</span>{' '}
      <button type="button" class="pad-line__action" id={`${id}-action`} onClick={onAction}>
        {action}
        <span class="pad-visually-hidden"> {actionFor}</span>
      </button>
    </section>
  );
}
