import { useEffect, useRef, useState } from 'preact/hooks';
import { deliveryWatch } from '../../domain/outbox/overdue';
import { sentReferralView } from '../../domain/outbox/sent-wording';
import { isValidNhsNumber, normaliseNhsNumber } from '../../domain/referral/nhs-number';
import type { PadState } from './pad-state';
import { SentLists } from './SentReferrals';
import { useFreshStatuses, useSentReferrals } from './use-sent-referrals';

/**
 * Sent referrals on the pad's main view, during the consultation: collapsed below Send so the form keeps its place,
 * with this patient's count and anything needing attention in its summary. It opens by itself when one of this
 * patient's referrals needs attention; while open it asks for the link workers' latest statuses
 * (`useFreshStatuses`).
 */
export function SentPanel({ state }: { state: PadState }) {
  const typed = state.draft.value.patient.nhsNumber;
  const nhsNumber = typed && isValidNhsNumber(typed) ? normaliseNhsNumber(typed) : undefined;
  const patient = useSentReferrals(nhsNumber ? { nhsNumber } : undefined);
  const watch = deliveryWatch(state.settings.value);
  const now = Date.now();
  const attention = patient.rows.filter((row) => sentReferralView(row, now, watch).attention).length;
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useFreshStatuses(open);
  useEffect(() => {
    if (attention > 0 && details.current) details.current.open = true;
  }, [attention]);
  const count = patient.rows.length;
  return (
    <details
      class="pad-section pad-sent-panel"
      id="pad-sent-panel"
      ref={details}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        Sent referrals
        {nhsNumber && patient.loaded && (
          <span class="pad-sent-panel__count">
            {' '}
            · {count === 0 ? 'none' : count} for this patient
            {attention > 0 && (
              <strong class="pad-sent-panel__attention">
                {' '}
                · {attention} need{attention === 1 ? 's' : ''} attention
              </strong>
            )}
          </span>
        )}
      </summary>
      <SentLists nhsNumber={nhsNumber} patient={patient} watch={watch} />
    </details>
  );
}
