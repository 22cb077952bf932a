import { contactLine, referrerLine } from '../../domain/pad/section-lines';
import { OneLine } from './OneLine';
import type { PadState } from './pad-state';

/** Contact and access in one line while nothing there is asked for; "change" opens the choices. */
export function ContactLine({ state, onOpen }: { state: PadState; onOpen: () => void }) {
  return (
    <OneLine
      id="pad-contact-line"
      title="Contact and access"
      action="change"
      actionFor="contact and access"
      onAction={onOpen}
    >
      {contactLine(state.draft.value)} —
    </OneLine>
  );
}

/** The remembered referrer in one line; "change" opens the fields. */
export function ReferrerLine({ state, onOpen }: { state: PadState; onOpen: () => void }) {
  return (
    <OneLine id="pad-referrer-line" title="Referrer" action="change" actionFor="the referrer" onAction={onOpen}>
      {referrerLine(state.draft.value)} —
    </OneLine>
  );
}
