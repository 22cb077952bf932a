import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Findings } from '../../domain/pad/section-lines';
import type { PadState } from './pad-state';

/**
 * A section of the pad shown as one line (`Line`) until it must be open: when `mustOpen` says so for the draft as it
 * is now (a detail missing, typed, or pointed at by the check or the error summary), or once the referrer opened it,
 * went into it or changed anything in it. From then on it stays open for this draft, so nothing folds away under the
 * referrer's hands. While folded its fields stay in the page, hidden: the draft holds their values all the same.
 */
export function Collapsible({
  state,
  mustOpen,
  Line,
  children,
}: {
  state: PadState;
  mustOpen: (findings: Findings) => boolean;
  Line: ComponentType<{ state: PadState; onOpen: () => void }>;
  children: ComponentChildren;
}) {
  const draftId = state.open.value?.referralId;
  const [keptFor, setKeptFor] = useState<string | undefined>(undefined);
  const focusFirst = useRef(false);
  const fields = useRef<HTMLDivElement>(null);
  const kept = draftId !== undefined && keptFor === draftId;
  const open =
    kept ||
    mustOpen({ draft: state.draft.value, cards: state.verdict.value?.cards ?? [], problems: state.problems.value });
  useEffect(() => {
    if (!open || !focusFirst.current) return;
    focusFirst.current = false;
    // Opened from its line: the first of its controls takes focus, so a keyboard user carries on there.
    fields.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, [open]);
  const keep = () => {
    if (!kept) setKeptFor(draftId);
  };
  const openByLine = () => {
    focusFirst.current = true;
    keep();
  };
  return (
    <>
      {!open && <Line state={state} onOpen={openByLine} />}
      <div class="pad-collapsible" ref={fields} hidden={!open} onInput={keep} onChange={keep} onFocusIn={keep}>
        {children}
      </div>
    </>
  );
}
