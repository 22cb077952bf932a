import { patientLine } from '../../domain/pad/section-lines';
import { OneLine } from './OneLine';
import type { PadState } from './pad-state';

/**
 * The patient as the record gave them, in one line: "John SMITH · 943 476 5919 · 14 Jun 1954 · from the record — edit".
 * Shown only while every detail is from the record and valid (domain/pad/section-lines.ts); "edit" opens the fields.
 */
export function PatientLine({ state, onOpen }: { state: PadState; onOpen: () => void }) {
  return (
    <OneLine id="pad-patient-line" title="Patient" action="edit" actionFor="the patient’s details" onAction={onOpen}>
      <strong>{patientLine(state.draft.value.patient)}</strong> ·{' '}
      <span class="pad-provenance pad-provenance--page">from the record</span> —
    </OneLine>
  );
}
