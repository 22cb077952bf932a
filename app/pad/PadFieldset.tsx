import type { ComponentChildren } from 'preact';

/** A section of the pad that is one group of answers: a fieldset whose legend is the section's heading. */
export function PadFieldset({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <fieldset class="pad-section">
      <legend>
        <h2>{title}</h2>
      </legend>
      {children}
    </fieldset>
  );
}
