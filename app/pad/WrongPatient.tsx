import { fromPage } from '../../domain/pad/record-fields';
import type { PadState } from './pad-state';

/**
 * The wrong-patient guard as the referrer sees it, pinned at the top of the pad: whose draft this is, whom the record
 * shows, and the two ways on. While it shows, the draft is read-only and Send is off.
 */
export function WrongPatient({ state }: { state: PadState }) {
  const check = state.patientCheck.value;
  const record = state.record.value;
  if (!check || !record || (check.kind !== 'different' && check.kind !== 'nhs-differs')) return null;
  return (
    <div class="pad-warning pad-guard" role="alert" id="pad-wrong-patient">
      <h2>Check the patient</h2>
      <p>{check.message}</p>
      {check.kind === 'different' ? (
        <>
          <p>
            {state.kept.value
              ? `This draft is kept, read-only, until ${check.draftFor} is on screen again.`
              : 'This draft is kept and cannot be changed or sent while another patient is on screen.'}
          </p>
          <button type="button" class="pad-button" onClick={() => void state.openOnScreen()}>
            Open the referral for {check.recordShows}
          </button>
          {!state.kept.value && (
            <button type="button" class="pad-button pad-button--secondary" onClick={() => void state.keepDraft()}>
              Keep this draft for {check.draftFor}
            </button>
          )}
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
