import { fromPage } from '../../domain/pad/record-fields';
import type { PadState } from './pad-state';

/** The wrong-patient guard as the referrer sees it: whose draft this is, whom the record shows, one click to switch. */
export function WrongPatient({ state }: { state: PadState }) {
  const check = state.patientCheck.value;
  const record = state.record.value;
  if (!check || !record || (check.kind !== 'different' && check.kind !== 'nhs-differs')) return null;
  return (
    <div class="pad-warning" role="alert" id="pad-wrong-patient">
      <h2>Check the patient</h2>
      <p>{check.message}</p>
      {check.kind === 'different' ? (
        <>
          <p>This draft is kept. It will not be sent for the patient now on screen.</p>
          <button type="button" class="pad-button" onClick={() => void state.openDraftFor(record)}>
            Open the referral for {check.recordShows}
          </button>
        </>
      ) : (
        <button
          type="button"
          class="pad-button pad-button--secondary"
          onClick={() =>
            state.update((draft) => ({
              ...draft,
              patient: { ...draft.patient, nhsNumber: fromPage('nhsNumber', record.fields.nhsNumber ?? '') },
              provenance: { ...draft.provenance, nhsNumber: 'page' },
            }))
          }
        >
          Use the record’s NHS number
        </button>
      )}
    </div>
  );
}
