import type { PadState } from './pad-state';

/** Where the referral goes, beside Send: the service chosen in the practice's directory, with its capacity. */
export function ChosenService({ state }: { state: PadState }) {
  const chosen = state.chosen.value;
  if (!chosen) return null;
  return (
    <p class="pad-send__service" id="pad-send-service">
      To {chosen.entry.service.name} ({chosen.capacity})
    </p>
  );
}
