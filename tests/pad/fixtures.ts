import { createPadState, type PadState } from '../../app/pad/pad-state';
import type { PatientContext } from '../../domain/adapters/patient-context';
import { OPEN_PCN_MODEL } from '../../domain/model/examples';
import type { ServiceModel } from '../../domain/model/model';
import { emptyDraft, type ReferralDraft } from '../../domain/referral/draft';
import type { Referral } from '../../domain/referral/referral';
import { noSafetyConcerns } from '../../test-support/fixtures/safety';

const JOHN_SMITH = {
  nhsNumber: '9434765919',
  given: 'John',
  family: 'Smith',
  dateOfBirth: '1950-03-12',
  sex: 'male',
} as const;

/** A draft a GP could send: every required answer given. */
export function completeDraft(): ReferralDraft {
  return {
    ...emptyDraft(),
    patient: {
      ...JOHN_SMITH,
      phone: '07700 900123',
      email: '',
      postcode: 'bs1 4dj',
      contactModes: ['phone'],
      contactTimes: 'Weekday mornings',
      interpreterLanguage: '',
      accessNeeds: [],
    },
    needs: ['loneliness', 'bereavement'],
    whatMatters: 'Getting back to the allotment',
    safety: noSafetyConcerns(),
    consent: { referral: true, sharing: true },
    referrer: { name: 'Dr Asha Patel', role: 'GP', odsCode: 'l81001' },
    provenance: { nhsNumber: 'page', given: 'page', family: 'page' },
  };
}

export const REFERRAL: Referral = {
  id: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
  createdAt: '2026-06-30T23:30:00.000Z',
  patient: {
    ...JOHN_SMITH,
    contactModes: ['phone', 'letter'],
    contactTimes: 'Weekday mornings',
    accessNeeds: [],
  },
  needs: ['loneliness', 'bereavement'],
  whatMatters: 'Getting back to the allotment',
  safety: { ...noSafetyConcerns(), safeguarding: true },
  consent: { referral: true, sharing: true },
  referrer: { name: 'Dr Asha Patel', role: 'GP', odsCode: 'L81001' },
  provenance: {},
  verdict: {
    modelId: 'bristol-vcse',
    modelVersion: 3,
    outcome: 'redirect',
    rules: ['scope.age'],
    overrideReason: 'Lives alone, recently widowed',
  },
};

export const MODEL_PARTS: Pick<ServiceModel, 'name' | 'kind' | 'version' | 'service' | 'capacity' | 'contactModes'> = {
  name: 'Over-55s connecting',
  kind: 'boundaried',
  version: 3,
  service: { name: 'Bristol Community Connectors', contact: '0117 496 0000, connectors@example.org' },
  capacity: { status: 'waiting-list', typicalWeeks: 3 },
  contactModes: ['phone', 'letter', 'in-person'],
};

/** John SMITH on the demo practice system's banner, as the page adapter reads it. */
export const JOHN: PatientContext = {
  recordKey: 'nhs:9434765919',
  adapterId: 'demo',
  fields: {
    nhsNumber: '943 476 5919',
    given: 'John',
    family: 'SMITH',
    dateOfBirth: '14-Jun-1954',
    sex: 'Male',
    phone: '0117 496 0123',
    postcode: 'BS6 6HR',
  },
};

/** A fresh pad as it starts once settings are read: the open PCN model and a queue nothing listens on (port 9). */
export function padWithModel(): PadState {
  const state = createPadState();
  state.settings.value = {
    retentionDays: 7,
    notDeliveredAfterMinutes: 60,
    modelHistory: [],
    adapters: [],
    model: OPEN_PCN_MODEL,
    queue: { endpoint: 'http://127.0.0.1:9/fhir', token: 't' },
  };
  return state;
}
