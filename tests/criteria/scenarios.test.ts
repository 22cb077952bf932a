import { describe, expect, it } from 'vitest';
import { canSend, checkReferral, RULE_IDS, type RuleId, sentVerdict } from '../../domain/criteria';
import { BOUNDARIED_VCSE_MODEL as BOUNDARIED, OPEN_PCN_MODEL as OPEN } from '../../domain/model/examples';
import type { ServiceModel } from '../../domain/model/model';
import { readModelFile, writeModelFile } from '../../domain/model/model-file';
import type { ReferralDraft } from '../../domain/referral/draft';
import type { Outcome } from '../../domain/referral/referral';
import { SAFETY_FLAGS } from '../../domain/referral/safety';
import { changed, TODAY, variant, widower } from '../../test-support/fixtures/criteria';

type Scenario = {
  name: string;
  model: ServiceModel;
  draft: ReferralDraft;
  today?: string;
  outcome: Outcome;
  /** Every card's rule id, duplicates included: no card more, none fewer. */
  rules: RuleId[];
};

const aged34 = { dateOfBirth: '03/07/1992' };
const aged54 = { dateOfBirth: '1972-01-15' };
const override = 'Turns 55 in January, lives alone and has stopped going out since his wife died.';

/** The model: "55 and over and isolated, or any adult with coaching goals" — two pathways, either fits. */
const [isolated55] = BOUNDARIED.scope.pathways;
const TWO_GROUPS: ServiceModel = variant(BOUNDARIED, {
  scope: {
    pathways: [
      { ...(isolated55 as ServiceModel['scope']['pathways'][number]), label: '55 and over and isolated' },
      { label: 'Any adult with coaching goals', minAge: 18, postcodeAreas: [], mustInclude: ['personal-goals'] },
    ],
  },
});

const scenarios: Scenario[] = [
  // Pathways: any one group fits.
  {
    name: 'two groups: a 22-year-old with coaching goals fits the coaching group',
    model: TWO_GROUPS,
    draft: changed({ patient: { dateOfBirth: '2004-05-10' }, needs: ['personal-goals'] }),
    outcome: 'accept',
    rules: [],
  },
  {
    name: 'two groups: a 60-year-old who is isolated fits the first group',
    model: TWO_GROUPS,
    draft: changed({ patient: { dateOfBirth: '1966-03-01' }, needs: ['loneliness'] }),
    outcome: 'accept',
    rules: [],
  },
  {
    name: 'two groups: a 40-year-old with debt only fits neither; the closest is named',
    model: TWO_GROUPS,
    draft: changed({ patient: { dateOfBirth: '1986-06-15' }, needs: ['money-debt'] }),
    outcome: 'redirect',
    rules: ['scope.must-include', 'scope.pathway', 'scope.pathway'],
  },
  {
    name: 'two groups: isolated and in debt at 70 goes for the isolation, the debt to the PCN',
    model: TWO_GROUPS,
    draft: changed({ needs: ['loneliness', 'money-debt'] }),
    outcome: 'accept',
    rules: ['scope.need'],
  },
  // The seeds' cases.
  { name: 'an isolated widower of 72 (boundaried)', model: BOUNDARIED, draft: widower(), outcome: 'accept', rules: [] },
  { name: 'an isolated widower of 72 (open)', model: OPEN, draft: widower(), outcome: 'accept', rules: [] },
  {
    name: 'a 34-year-old disclosing suicidal thoughts (boundaried)',
    model: BOUNDARIED,
    draft: changed({ patient: aged34, needs: ['low-mood', 'loneliness'], safety: { 'suicidal-thoughts': true } }),
    outcome: 'redirect',
    rules: ['safety.suicidal-thoughts', 'scope.age'],
  },
  {
    // The open kind flags, not refuses: Send waits only for the referrer to confirm they have used the crisis route.
    name: 'a 34-year-old disclosing suicidal thoughts (open), the crisis route not yet confirmed',
    model: OPEN,
    draft: changed({ patient: aged34, needs: ['low-mood'], safety: { 'suicidal-thoughts': true } }),
    outcome: 'incomplete',
    rules: ['safety.suicidal-thoughts'],
  },
  {
    name: 'a 34-year-old disclosing suicidal thoughts (open), the crisis route used',
    model: OPEN,
    draft: changed({
      patient: aged34,
      needs: ['low-mood'],
      safety: { 'suicidal-thoughts': true },
      routesUsed: { 'suicidal-thoughts': true },
    }),
    outcome: 'review',
    rules: ['safety.suicidal-thoughts', 'safety.suicidal-thoughts.route-used'],
  },
  {
    name: 'an open model that chose to redirect suicidal thoughts still redirects',
    model: variant(OPEN, {
      safety: { ...OPEN.safety, 'suicidal-thoughts': { ...OPEN.safety['suicidal-thoughts'], action: 'redirect' } },
    }),
    draft: changed({ patient: aged34, needs: ['low-mood'], safety: { 'suicidal-thoughts': true } }),
    outcome: 'redirect',
    rules: ['safety.suicidal-thoughts'],
  },
  {
    name: 'every safety answer flagged, each route used',
    model: variant(OPEN, {
      safety: Object.fromEntries(
        SAFETY_FLAGS.map((flag) => [flag, { action: 'flag', redirectTo: OPEN.scope.outOfScopeRoute }]),
      ) as ServiceModel['safety'],
    }),
    draft: changed({
      safety: Object.fromEntries(SAFETY_FLAGS.map((flag) => [flag, true])),
      routesUsed: Object.fromEntries(SAFETY_FLAGS.map((flag) => [flag, true])),
    }),
    outcome: 'review',
    rules: [
      ...SAFETY_FLAGS.map((flag) => `safety.${flag}` as const),
      ...SAFETY_FLAGS.map((flag) => `safety.${flag}.route-used` as const),
    ],
  },
  {
    name: 'a frequent attender in debt (open)',
    model: OPEN,
    draft: changed({ patient: { dateOfBirth: '1979-05-02' }, needs: ['frequent-attendance', 'money-debt'] }),
    outcome: 'accept',
    rules: [],
  },
  {
    name: 'a frequent attender in debt, 47 (boundaried)',
    model: BOUNDARIED,
    draft: changed({ patient: { dateOfBirth: '1979-05-02' }, needs: ['frequent-attendance', 'money-debt'] }),
    outcome: 'redirect',
    rules: ['scope.must-include', 'scope.need', 'scope.need', 'scope.age'],
  },
  {
    name: 'a safeguarding concern (boundaried)',
    model: BOUNDARIED,
    draft: changed({ safety: { safeguarding: true } }),
    outcome: 'redirect',
    rules: ['safety.safeguarding'],
  },
  {
    name: 'a safeguarding concern (open), the safeguarding lead told',
    model: OPEN,
    draft: changed({ safety: { safeguarding: true }, routesUsed: { safeguarding: true } }),
    outcome: 'review',
    rules: ['safety.safeguarding', 'safety.safeguarding.route-used'],
  },
  {
    name: 'someone outside the age bounds, 54',
    model: BOUNDARIED,
    draft: changed({ patient: aged54 }),
    outcome: 'redirect',
    rules: ['scope.age'],
  },
  {
    name: 'missing consent to the referral',
    model: BOUNDARIED,
    draft: changed({ consent: { referral: false } }),
    outcome: 'incomplete',
    rules: ['required.consent-referral'],
  },
  {
    name: 'an overridden boundary with its reason',
    model: BOUNDARIED,
    draft: changed({ patient: aged54, overrideReason: override }),
    outcome: 'review',
    rules: ['scope.age'],
  },
  // Overrides.
  {
    name: 'an override the model does not allow',
    model: variant(BOUNDARIED, { overridesAllowed: false }),
    draft: changed({ patient: aged54, overrideReason: override }),
    outcome: 'redirect',
    rules: ['scope.age', 'override.not-allowed'],
  },
  {
    name: 'an override with no reason',
    model: BOUNDARIED,
    draft: changed({ patient: aged54, overrideReason: '   ' }),
    outcome: 'redirect',
    rules: ['scope.age', 'override.reason-missing'],
  },
  {
    name: 'an override with too short a reason',
    model: BOUNDARIED,
    draft: changed({ patient: aged54, overrideReason: 'GP knows' }),
    outcome: 'redirect',
    rules: ['scope.age', 'override.reason-missing'],
  },
  {
    name: 'an override reason against a safety redirect',
    model: BOUNDARIED,
    draft: changed({ safety: { 'suicidal-thoughts': true }, overrideReason: override }),
    outcome: 'redirect',
    rules: ['safety.suicidal-thoughts', 'override.not-allowed'],
  },
  {
    name: 'an override reason with nothing to override',
    model: OPEN,
    draft: changed({ overrideReason: override }),
    outcome: 'accept',
    rules: [],
  },
  {
    name: 'an overridden boundary that is still missing a required field',
    model: BOUNDARIED,
    draft: changed({ patient: { ...aged54, phone: undefined }, overrideReason: override }),
    outcome: 'incomplete',
    rules: ['scope.age', 'required.field'],
  },
  // Safety flags as each model agreed.
  {
    name: 'psychosis (open: review)',
    model: OPEN,
    draft: changed({ safety: { psychosis: true } }),
    outcome: 'review',
    rules: ['safety.psychosis'],
  },
  {
    name: 'psychosis (boundaried: redirect)',
    model: BOUNDARIED,
    draft: changed({ safety: { psychosis: true } }),
    outcome: 'redirect',
    rules: ['safety.psychosis'],
  },
  {
    name: 'under secondary mental-health care (boundaried: review)',
    model: BOUNDARIED,
    draft: changed({ safety: { 'secondary-mental-health': true } }),
    outcome: 'review',
    rules: ['safety.secondary-mental-health'],
  },
  {
    name: 'substance use (open: accepted, noted)',
    model: OPEN,
    draft: changed({ safety: { 'substance-use': true } }),
    outcome: 'accept',
    rules: ['safety.substance-use'],
  },
  {
    name: 'a safety redirect outranks missing consent',
    model: BOUNDARIED,
    draft: changed({ safety: { 'suicidal-thoughts': true }, consent: { sharing: undefined } }),
    outcome: 'redirect',
    rules: ['safety.suicidal-thoughts', 'required.consent-sharing'],
  },
  // Completeness and malformed details.
  {
    name: 'an unknown need code',
    model: BOUNDARIED,
    draft: changed({ needs: ['loneliness', 'gardening'] }),
    outcome: 'incomplete',
    rules: ['need.unknown'],
  },
  {
    name: 'no needs chosen',
    model: BOUNDARIED,
    draft: changed({ needs: [] }),
    outcome: 'incomplete',
    rules: ['required.needs'],
  },
  {
    name: 'a bad NHS number',
    model: BOUNDARIED,
    draft: changed({ patient: { nhsNumber: '943 476 5918' } }),
    outcome: 'incomplete',
    rules: ['patient.nhs-number'],
  },
  {
    name: 'no NHS number',
    model: OPEN,
    draft: changed({ patient: { nhsNumber: ' ' } }),
    outcome: 'incomplete',
    rules: ['required.field'],
  },
  {
    name: 'an unreadable date of birth',
    model: BOUNDARIED,
    draft: changed({ patient: { dateOfBirth: '31/02/1950' } }),
    outcome: 'incomplete',
    rules: ['patient.date-of-birth'],
  },
  {
    name: 'a date of birth in the future',
    model: OPEN,
    draft: changed({ patient: { dateOfBirth: '01/01/2027' } }),
    outcome: 'incomplete',
    rules: ['patient.date-of-birth'],
  },
  {
    name: 'sex not recorded',
    model: OPEN,
    draft: changed({ patient: { sex: undefined } }),
    outcome: 'incomplete',
    rules: ['required.field'],
  },
  {
    name: 'sex not one the referral carries',
    model: OPEN,
    draft: changed({ patient: { sex: 'M' } }),
    outcome: 'incomplete',
    rules: ['patient.field'],
  },
  {
    name: 'a phone number that is not one',
    model: OPEN,
    draft: changed({ patient: { phone: 'ring his daughter' } }),
    outcome: 'incomplete',
    rules: ['patient.field'],
  },
  {
    name: 'a postcode that is only a district',
    model: BOUNDARIED,
    draft: changed({ patient: { postcode: 'BS16' } }),
    outcome: 'incomplete',
    rules: ['patient.postcode'],
  },
  // People without a phone (the demo's Margaret JONES, 85, hearing impaired): not shut out by a model that asks for one.
  {
    name: 'no phone, contact by letter, where the service writes',
    model: BOUNDARIED,
    draft: changed({ patient: { phone: undefined, contactModes: ['letter'] } }),
    outcome: 'accept',
    rules: [],
  },
  {
    name: 'no phone and no other way chosen: still needed, naming the other ways',
    model: BOUNDARIED,
    draft: changed({ patient: { phone: undefined, contactModes: [] } }),
    outcome: 'incomplete',
    rules: ['required.field'],
  },
  {
    name: 'no phone, and a service that contacts by phone only: a route elsewhere',
    model: variant(BOUNDARIED, { contactModes: ['phone', 'text'] }),
    draft: changed({ patient: { phone: undefined, contactModes: ['letter'] } }),
    outcome: 'redirect',
    rules: ['contact.mode', 'contact.mode'],
  },
  {
    name: 'a safety question unanswered',
    model: OPEN,
    draft: changed({ safety: { psychosis: undefined } }),
    outcome: 'incomplete',
    rules: ['required.safety'],
  },
  {
    name: 'no consent to sharing details',
    model: OPEN,
    draft: changed({ consent: { sharing: false } }),
    outcome: 'incomplete',
    rules: ['required.consent-sharing'],
  },
  {
    name: 'the referrer’s role missing',
    model: OPEN,
    draft: changed({ referrer: { role: '' } }),
    outcome: 'incomplete',
    rules: ['required.referrer'],
  },
  {
    name: 'a malformed practice ODS code',
    model: OPEN,
    draft: changed({ referrer: { odsCode: 'L8-1' } }),
    outcome: 'incomplete',
    rules: ['referrer.ods-code'],
  },
  {
    name: 'the model’s required fields missing (phone, postcode, what matters)',
    model: BOUNDARIED,
    draft: changed({ patient: { phone: undefined, postcode: undefined }, whatMatters: ' ' }),
    outcome: 'incomplete',
    rules: ['required.field', 'required.field', 'required.field'],
  },
  {
    name: 'no postcode for a model bounded by area that does not list it as required',
    model: variant(BOUNDARIED, { requiredFields: ['phone'] }),
    draft: changed({ patient: { postcode: undefined } }),
    outcome: 'incomplete',
    rules: ['required.field'],
  },
  // Scope.
  {
    name: 'the postcode district BS1 is not BS16',
    model: BOUNDARIED,
    draft: changed({ patient: { postcode: 'BS1 4DJ' } }),
    outcome: 'redirect',
    rules: ['scope.area'],
  },
  {
    name: 'a model covering BS1 does not cover BS16',
    model: variant(BOUNDARIED, { pathway: { postcodeAreas: ['BS1'] } }),
    draft: changed({ patient: { postcode: 'bs16 1qy' } }),
    outcome: 'redirect',
    rules: ['scope.area'],
  },
  {
    name: 'a model covering the area BS covers BS1',
    model: variant(BOUNDARIED, { pathway: { postcodeAreas: ['BS'] } }),
    draft: changed({ patient: { postcode: 'BS1 4DJ' } }),
    outcome: 'accept',
    rules: [],
  },
  {
    name: 'a model covering the area B does not cover BS',
    model: variant(BOUNDARIED, { pathway: { postcodeAreas: ['B'] } }),
    draft: changed({ patient: { postcode: 'BS16 1QY' } }),
    outcome: 'redirect',
    rules: ['scope.area'],
  },
  {
    name: 'a practice the model does not cover',
    model: variant(BOUNDARIED, { scope: { practices: ['L81002', 'L81003'] } }),
    draft: changed({ referrer: { odsCode: 'l81001' } }),
    outcome: 'redirect',
    rules: ['scope.practice'],
  },
  {
    name: 'a practice the model covers, typed in lower case',
    model: variant(BOUNDARIED, { scope: { practices: ['L81001'] } }),
    draft: changed({ referrer: { odsCode: 'l81001' } }),
    outcome: 'accept',
    rules: [],
  },
  {
    name: 'needs partly in scope: loneliness goes, debt is routed elsewhere',
    model: BOUNDARIED,
    draft: changed({ needs: ['loneliness', 'money-debt'] }),
    outcome: 'accept',
    rules: ['scope.need'],
  },
  {
    name: 'needs in scope but not loneliness',
    model: BOUNDARIED,
    draft: changed({ needs: ['physical-activity'] }),
    outcome: 'redirect',
    rules: ['scope.must-include'],
  },
  {
    name: 'an open model with a need outside its list still accepts',
    model: variant(OPEN, { pathway: { needs: ['loneliness', 'bereavement'] } }),
    draft: changed({ needs: ['money-debt'] }),
    outcome: 'accept',
    rules: ['scope.need'],
  },
  {
    name: 'an open model with an age bound still accepts',
    model: variant(OPEN, { pathway: { minAge: 18, maxAge: 65 } }),
    draft: widower(),
    outcome: 'accept',
    rules: ['scope.age'],
  },
  {
    name: 'the day before the 55th birthday',
    model: BOUNDARIED,
    draft: changed({ patient: { dateOfBirth: '23/11/1971' } }),
    outcome: 'redirect',
    rules: ['scope.age'],
  },
  {
    name: 'on the 55th birthday',
    model: BOUNDARIED,
    draft: changed({ patient: { dateOfBirth: '22/11/1971' } }),
    outcome: 'accept',
    rules: [],
  },
  // Capacity, contact, the agreement.
  {
    name: 'the service has paused new referrals',
    model: variant(BOUNDARIED, {
      capacity: {
        status: 'paused',
        message: 'Paused while two connectors are recruited.',
        redirectTo: OPEN.scope.outOfScopeRoute,
      },
    }),
    draft: widower(),
    outcome: 'redirect',
    rules: ['capacity.paused'],
  },
  {
    name: 'a paused service cannot be overridden',
    model: variant(BOUNDARIED, { capacity: { status: 'paused', redirectTo: OPEN.scope.outOfScopeRoute } }),
    draft: changed({ overrideReason: override }),
    outcome: 'redirect',
    rules: ['capacity.paused', 'override.not-allowed'],
  },
  {
    name: 'a waiting list',
    model: variant(BOUNDARIED, { capacity: { status: 'waiting-list', typicalWeeks: 6 } }),
    draft: widower(),
    outcome: 'accept',
    rules: ['capacity.waiting-list'],
  },
  {
    name: 'the patient wants email only; the service does not email',
    model: BOUNDARIED,
    draft: changed({ patient: { contactModes: ['email'], email: 'arthur@example.org' } }),
    outcome: 'review',
    rules: ['contact.mode'],
  },
  {
    name: 'no way of contact chosen',
    model: BOUNDARIED,
    draft: changed({ patient: { contactModes: [] } }),
    outcome: 'accept',
    rules: [],
  },
  {
    name: 'the model is past its review date',
    model: BOUNDARIED,
    draft: widower(),
    today: '2027-09-15',
    outcome: 'accept',
    rules: ['model.review-overdue'],
  },
  {
    name: 'a model dated after today',
    model: BOUNDARIED,
    draft: widower(),
    today: '2026-09-14',
    outcome: 'accept',
    rules: ['model.not-yet-agreed'],
  },
  {
    name: 'the model on its review date is not overdue',
    model: BOUNDARIED,
    draft: widower(),
    today: '2027-09-14',
    outcome: 'accept',
    rules: [],
  },
];

describe('a model of two groups: “55 and over and isolated, or any adult with coaching goals”', () => {
  it('says in one line each which group came closest and why none fits, and where to go instead', () => {
    const verdict = checkReferral(
      TWO_GROUPS,
      changed({ patient: { dateOfBirth: '1986-06-15' }, needs: ['money-debt'] }),
      TODAY,
    );
    expect(verdict.outcome).toBe('redirect');
    expect(verdict.cards.map((card) => card.summary)).toEqual([
      'Needs do not include personal goals (coaching): send to the PCN social prescribing link workers instead.',
      'Not in the group “55 and over and isolated”: aged 40, not 55 and over, and 2 more reasons.',
      'Closest group, “Any adult with coaching goals”: needs do not include personal goals (coaching).',
    ]);
    expect(verdict.cards[1]?.detail).toBe(
      'Aged 40, not 55 and over, needs do not include loneliness or isolation and money and debt is not one of its needs.',
    );
    expect(verdict.cards[0]?.serviceId).toBe('kingsmead-valley-pcn-sp');
  });

  it('is a model a champion can save and share: it round-trips through the model file', () => {
    const read = readModelFile(writeModelFile(TWO_GROUPS));
    expect(read).toEqual({ ok: true, model: TWO_GROUPS });
  });
});

describe('an open model with suicidal thoughts answered yes', () => {
  const draft = changed({ patient: aged34, needs: ['low-mood'], safety: { 'suicidal-thoughts': true } });
  const crisis = OPEN.safety['suicidal-thoughts'].redirectTo;

  it('gives a critical card with the crisis route, and is not refused', () => {
    const verdict = checkReferral(OPEN, draft, TODAY);
    expect(verdict.outcome).not.toBe('redirect');
    const card = verdict.cards[0];
    expect(card?.rule).toBe('safety.suicidal-thoughts');
    expect(card?.indicator).toBe('critical');
    expect(card?.suggestions[0]?.route).toEqual(crisis);
    expect(card?.overridable).toBe(false);
  });

  it('can be sent once the referrer confirms they have used the crisis route, flagged for the link worker', () => {
    expect(canSend(checkReferral(OPEN, draft, TODAY))).toBe(false);
    const confirmed = changed({ routesUsed: { 'suicidal-thoughts': true } }, draft);
    const verdict = checkReferral(OPEN, confirmed, TODAY);
    expect(canSend(verdict)).toBe(true);
    expect(verdict.outcome).toBe('review');
    expect(sentVerdict(verdict, confirmed).rules).toEqual([
      'safety.suicidal-thoughts',
      'safety.suicidal-thoughts.route-used',
    ]);
  });
});

describe('referral criteria: scenarios across the two example models', () => {
  it.each(scenarios)('$name → $outcome', ({ model, draft, today = TODAY, outcome, rules }) => {
    const verdict = checkReferral(model, draft, today);
    expect({ outcome: verdict.outcome, rules: verdict.cards.map((card) => card.rule).sort() }).toEqual({
      outcome,
      rules: [...rules].sort(),
    });
    expect(verdict.modelId).toBe(model.id);
    expect(verdict.modelVersion).toBe(model.version);
    expect(canSend(verdict)).toBe(outcome === 'accept' || outcome === 'review');
  });

  it.each(scenarios)('$name: every card is a short sentence; every redirect says where to instead', (scenario) => {
    const verdict = checkReferral(scenario.model, scenario.draft, scenario.today ?? TODAY);
    for (const card of verdict.cards) {
      expect(card.summary.length, card.summary).toBeLessThan(140);
      expect(card.summary).toMatch(/^\S.*[.?]$/);
    }
    if (verdict.outcome === 'redirect') {
      const redirects = verdict.cards.filter((card) => card.suggestions.length > 0 && !card.overridden);
      expect(redirects.length).toBeGreaterThan(0);
      for (const card of redirects) expect(card.summary).toContain(card.suggestions[0]?.route.service);
    }
  });

  it('exercises every published rule in at least one scenario', () => {
    const fired = new Set(scenarios.flatMap((scenario) => scenario.rules));
    expect(RULE_IDS.filter((rule) => !fired.has(rule))).toEqual([]);
  });
});
