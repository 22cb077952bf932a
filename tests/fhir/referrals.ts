import { type Referral, type ReferralInput, referralSchema } from '../../lib/referral';

/** Referrals as the pad sends them, parsed by the real schema so each is a Referral the wire must carry unchanged. */

const safetyAllNo = {
  'suicidal-thoughts': false,
  psychosis: false,
  safeguarding: false,
  'secondary-mental-health': false,
  'substance-use': false,
};

/** Every optional field present. */
export const richReferral: Referral = referralSchema.parse({
  id: '3f2b8c1e-4d5a-4b6c-8e9f-0a1b2c3d4e5f',
  createdAt: '2026-11-20T10:15:30.000Z',
  patient: {
    nhsNumber: '9434765919',
    given: 'Margaret Ann',
    family: 'O’Neill-Smith',
    dateOfBirth: '1950-03-12',
    sex: 'female',
    phone: '07700 900123',
    email: 'margaret@example.org',
    postcode: 'BS1 4DJ',
    contactModes: ['phone', 'letter', 'in-person'],
    contactTimes: 'Weekday mornings, not Thursdays',
    interpreterLanguage: 'Polish',
    accessNeeds: ['no-internet', 'transport', 'hearing'],
  },
  needs: ['loneliness', 'bereavement', 'money-debt'],
  whatMatters: 'Getting out of the house again since her husband died; she used to sing in a choir.',
  safety: { ...safetyAllNo, safeguarding: true },
  consent: { referral: true, sharing: true },
  referrer: { name: 'Dr Amina Patel', role: 'GP', odsCode: 'L81001' },
  provenance: {
    nhsNumber: 'page',
    given: 'page',
    family: 'page',
    dateOfBirth: 'page',
    sex: 'page',
    phone: 'typed',
    email: 'typed',
    postcode: 'page',
  },
  verdict: {
    modelId: 'bristol-central-open',
    modelVersion: 3,
    outcome: 'review',
    rules: ['safety.safeguarding', 'capacity.waiting-list'],
  },
} satisfies ReferralInput);

/** No optional field at all. */
export const minimalReferral: Referral = referralSchema.parse({
  id: '00000000-0000-4000-8000-000000000000',
  createdAt: '2026-11-21T08:00:00+00:00',
  patient: { nhsNumber: '9434765927', given: 'Jo', family: 'Bloggs', dateOfBirth: '1980-01-31', sex: 'unknown' },
  needs: ['digital-skills'],
  safety: safetyAllNo,
  consent: { referral: true, sharing: false },
  referrer: { name: 'Sam Lee', role: 'Practice nurse', odsCode: 'Y02345' },
  verdict: { modelId: 'open', modelVersion: 1, outcome: 'accept', rules: [] },
} satisfies ReferralInput);

/** A boundaried rule overridden with a reason. */
export const overriddenReferral: Referral = referralSchema.parse({
  id: 'a1b2c3d4-e5f6-4a7b-9c8d-ffffffffffff',
  createdAt: '2026-11-22T14:05:00.123+01:00',
  patient: {
    nhsNumber: '9434765935',
    given: 'Peter',
    family: 'Nowak',
    dateOfBirth: '1971-07-04',
    sex: 'male',
    phone: '+44 117 496 0000',
    contactModes: ['text'],
  },
  needs: ['low-mood', 'work-learning'],
  whatMatters: 'Wants to get back to work.',
  safety: { ...safetyAllNo, 'secondary-mental-health': true },
  consent: { referral: true, sharing: true },
  referrer: { name: 'Dr Chris Wong', role: 'GP registrar', odsCode: 'M85001' },
  verdict: {
    modelId: 'over-55-isolated',
    modelVersion: 12,
    outcome: 'redirect',
    rules: ['age.minimum', 'safety.secondary-mental-health'],
    overrideReason: 'Known to the link worker already; the community mental health team agreed this referral.',
  },
} satisfies ReferralInput);

/** Pre-filled fields from both sources, contact times without modes, an interpreter, all safety questions answered yes. */
export const mixedProvenanceReferral: Referral = referralSchema.parse({
  id: '7e57ab1e-0000-4c0d-a000-000000000042',
  createdAt: '2026-11-22T09:30:00Z',
  patient: {
    nhsNumber: '9434765943',
    given: 'Aleksandra',
    family: 'Kowalska',
    dateOfBirth: '1944-12-25',
    sex: 'other',
    email: 'a.k@example.net',
    contactTimes: 'Afternoons',
    interpreterLanguage: 'British Sign Language',
    accessNeeds: ['sight', 'mobility'],
  },
  needs: ['carer-support', 'food', 'housing', 'relationships'],
  whatMatters: 'Stay in her own home.',
  safety: {
    'suicidal-thoughts': true,
    psychosis: true,
    safeguarding: true,
    'secondary-mental-health': true,
    'substance-use': true,
  },
  consent: { referral: true, sharing: true },
  referrer: { name: 'Nurse Kim', role: 'Nurse', odsCode: 'l81001' },
  provenance: { nhsNumber: 'page', given: 'typed', family: 'page', dateOfBirth: 'typed', email: 'typed' },
  verdict: {
    modelId: 'open',
    modelVersion: 2,
    outcome: 'review',
    rules: ['safety.suicidal-thoughts', 'safety.psychosis'],
  },
} satisfies ReferralInput);

export const referrals = { richReferral, minimalReferral, overriddenReferral, mixedProvenanceReferral };
