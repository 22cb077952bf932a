import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canSend, checkReferral, RULE_IDS, sentVerdict } from '../../domain/criteria';
import { BOUNDARIED_VCSE_MODEL as BOUNDARIED, OPEN_PCN_MODEL as OPEN } from '../../domain/model/examples';
import type { ServiceModel } from '../../domain/model/model';
import { draftSchema } from '../../domain/referral/draft';
import { NEED_CODES } from '../../domain/referral/needs';
import { sentVerdictSchema } from '../../domain/referral/referral';
import { SAFETY_FLAGS } from '../../domain/referral/safety';
import { changed, TODAY, variant, widower } from '../../test-support/fixtures/criteria';

const reason = '  Turns 55 in January and has not left the house since the funeral.  ';
const crisisRoute = BOUNDARIED.safety['suicidal-thoughts'].redirectTo;

/** Every safety flag redirects, and the model allows overrides: the strictest test of "never overridable". */
const allRedirect: ServiceModel = variant(BOUNDARIED, {
  safety: Object.fromEntries(
    SAFETY_FLAGS.map((flag) => [flag, { action: 'redirect', redirectTo: crisisRoute }]),
  ) as ServiceModel['safety'],
});

const allFlag: ServiceModel = variant(OPEN, {
  safety: Object.fromEntries(
    SAFETY_FLAGS.map((flag) => [flag, { action: 'flag', redirectTo: crisisRoute }]),
  ) as ServiceModel['safety'],
});

function cardFor(verdict: ReturnType<typeof checkReferral>, rule: string) {
  const card = verdict.cards.find((found) => found.rule === rule);
  if (!card) throw new Error(`no ${rule} card among ${verdict.cards.map((found) => found.rule).join(', ')}`);
  return card;
}

describe('overriding a boundary', () => {
  it('keeps the card, marked overridden, and sends the referral for the link worker to review', () => {
    const verdict = checkReferral(
      BOUNDARIED,
      changed({ patient: { dateOfBirth: '1972-01-15' }, overrideReason: reason }),
      TODAY,
    );
    expect(verdict.outcome).toBe('review');
    expect(verdict.overridden).toBe(true);
    expect(cardFor(verdict, 'scope.age')).toMatchObject({ overridable: true, overridden: true, indicator: 'warning' });
    expect(canSend(verdict)).toBe(true);
  });

  it('carries the trimmed reason and the rules to the link worker in a sent verdict that parses', () => {
    const draft = changed({ patient: { dateOfBirth: '1972-01-15' }, overrideReason: reason });
    const sent = sentVerdict(checkReferral(BOUNDARIED, draft, TODAY), draft);
    expect(sentVerdictSchema.parse(sent)).toEqual({
      modelId: 'kingsmead-connect-55',
      modelVersion: BOUNDARIED.version,
      outcome: 'review',
      rules: ['scope.age'],
      overrideReason: reason.trim(),
    });
  });

  it('carries no reason when nothing was overridden', () => {
    const draft = changed({ overrideReason: reason });
    const sent = sentVerdict(checkReferral(OPEN, draft, TODAY), draft);
    expect(sent).toEqual({ modelId: OPEN.id, modelVersion: OPEN.version, outcome: 'accept', rules: [] });
  });

  it('lists each rule once in the sent verdict', () => {
    const draft = changed({ needs: ['frequent-attendance', 'money-debt'] });
    const verdict = checkReferral(variant(BOUNDARIED, { pathway: { mustInclude: [] } }), draft, TODAY);
    expect(verdict.cards.filter((card) => card.rule === 'scope.need')).toHaveLength(2);
    expect(sentVerdict(verdict, draft).rules).toEqual(['scope.need']);
  });

  it('never overrides a safety redirect, even when the model allows overrides and a reason is given', () => {
    const draft = changed({
      patient: { dateOfBirth: '1972-01-15' },
      safety: Object.fromEntries(SAFETY_FLAGS.map((flag) => [flag, true])),
      overrideReason: reason,
    });
    const verdict = checkReferral(allRedirect, draft, TODAY);
    expect(verdict.outcome).toBe('redirect');
    const safety = verdict.cards.filter((card) => card.rule.startsWith('safety.'));
    expect(safety).toHaveLength(SAFETY_FLAGS.length);
    for (const card of safety) {
      expect(card).toMatchObject({ indicator: 'critical', overridable: false });
      expect(card.overridden).toBeUndefined();
      expect(card.suggestions[0]?.route).toEqual(crisisRoute);
    }
    expect(cardFor(verdict, 'override.not-allowed').summary).toMatch(/safety redirect cannot be overridden/);
    expect(canSend(verdict)).toBe(false);
  });

  it('says how long a reason must be', () => {
    const verdict = checkReferral(
      BOUNDARIED,
      changed({ patient: { dateOfBirth: '1972-01-15' }, overrideReason: 'ok' }),
      TODAY,
    );
    expect(cardFor(verdict, 'override.reason-missing').summary).toMatch(/at least 10 characters/);
    expect(cardFor(verdict, 'scope.age').overridden).toBeUndefined();
  });

  it('refuses a reason too long to carry, and says so', () => {
    const draft = changed({ patient: { dateOfBirth: '1972-01-15' }, overrideReason: 'x'.repeat(1001) });
    const verdict = checkReferral(BOUNDARIED, draft, TODAY);
    expect(verdict.outcome).toBe('redirect');
    expect(cardFor(verdict, 'override.reason-missing').summary).toMatch(/1000 characters or fewer/);
  });

  it('says the agreed model does not allow overrides', () => {
    const model = variant(BOUNDARIED, { overridesAllowed: false });
    const verdict = checkReferral(
      model,
      changed({ patient: { dateOfBirth: '1972-01-15' }, overrideReason: reason }),
      TODAY,
    );
    expect(cardFor(verdict, 'scope.age').overridable).toBe(false);
    expect(cardFor(verdict, 'override.not-allowed').summary).toMatch(/does not allow overrides/);
  });
});

describe('what each card says', () => {
  it('names where to send a person in crisis, in red, first', () => {
    const verdict = checkReferral(BOUNDARIED, changed({ safety: { 'suicidal-thoughts': true } }), TODAY);
    expect(verdict.cards[0]).toMatchObject({
      rule: 'safety.suicidal-thoughts',
      subject: 'suicidal-thoughts',
      indicator: 'critical',
      overridable: false,
      summary:
        'Suicidal thoughts or self-harm: not for this service. Use NHS 111, option 2 (urgent mental health help) instead.',
    });
    expect(verdict.cards[0]?.detail).toMatch(/999 if life is at immediate risk/);
  });

  it('names the practice safeguarding lead on the open model’s flag card, and asks for the route to be confirmed', () => {
    const card = cardFor(
      checkReferral(OPEN, changed({ safety: { safeguarding: true } }), TODAY),
      'safety.safeguarding',
    );
    expect(card.indicator).toBe('critical');
    expect(card.summary).toBe(
      'Safeguarding concern (including domestic abuse): use the practice safeguarding lead now as well.',
    );
    expect(card.suggestions[0]?.route.service).toBe('the practice safeguarding lead');
    expect(card.detail).toMatch(/Dr Jo Example/);
    expect(card.routeConfirmation).toBe('needed');
    expect(card.overridable).toBe(false);
  });

  it('names the practice safeguarding lead on a review card that gives a route as advice', () => {
    const model = variant(OPEN, {
      safety: { ...OPEN.safety, safeguarding: { ...OPEN.safety.safeguarding, action: 'review' } },
    });
    const card = cardFor(
      checkReferral(model, changed({ safety: { safeguarding: true } }), TODAY),
      'safety.safeguarding',
    );
    expect(card.indicator).toBe('warning');
    expect(card.summary).toMatch(/link worker will review/);
    expect(card.detail).toMatch(/Dr Jo Example/);
    expect(card.routeConfirmation).toBeUndefined();
  });

  it('carries a route’s directory service id on the card', () => {
    const card = cardFor(
      checkReferral(BOUNDARIED, changed({ patient: { dateOfBirth: '1990-01-01' } }), TODAY),
      'scope.age',
    );
    expect(card.serviceId).toBe('kingsmead-valley-pcn-sp');
    const safety = cardFor(
      checkReferral(BOUNDARIED, changed({ safety: { psychosis: true } }), TODAY),
      'safety.psychosis',
    );
    expect('serviceId' in safety).toBe(false);
  });

  it('names the age, the district and the practice that fell outside', () => {
    const model = variant(BOUNDARIED, { scope: { practices: ['L81002'] } });
    const draft = changed({ patient: { dateOfBirth: '03/07/1992', postcode: 'BS1 4DJ' } });
    const verdict = checkReferral(model, draft, TODAY);
    expect(cardFor(verdict, 'scope.age').summary).toMatch(
      /^Aged 34: this service is for people aged 55 and over: send to the PCN/,
    );
    expect(cardFor(verdict, 'scope.area').summary).toMatch(/district BS1 is outside/);
    expect(cardFor(verdict, 'scope.area').detail).toMatch(/covers BS15, BS16 and BS30/);
    expect(cardFor(verdict, 'scope.practice').summary).toMatch(/Practice L81001 is not one this service covers/);
    for (const card of verdict.cards) expect(card.suggestions[0]?.route).toEqual(BOUNDARIED.scope.outOfScopeRoute);
  });

  it('routes the out-of-scope need of a partly-in-scope referral without stopping it', () => {
    const verdict = checkReferral(BOUNDARIED, changed({ needs: ['loneliness', 'housing'] }), TODAY);
    expect(verdict.outcome).toBe('accept');
    expect(cardFor(verdict, 'scope.need')).toMatchObject({
      subject: 'housing',
      indicator: 'warning',
      overridable: false,
    });
    expect(cardFor(verdict, 'scope.need').summary).toBe(
      'Housing is outside this service: the referral goes for the rest; send this need to the PCN social prescribing link workers.',
    );
  });

  it('names the field that is malformed or missing', () => {
    const draft = changed({ patient: { nhsNumber: '943 476 5918', dateOfBirth: 'last Tuesday', given: '' } });
    const verdict = checkReferral(OPEN, draft, TODAY);
    expect(cardFor(verdict, 'patient.nhs-number')).toMatchObject({ subject: 'nhsNumber' });
    expect(cardFor(verdict, 'patient.nhs-number').detail).toMatch(/check digit is wrong/);
    expect(cardFor(verdict, 'patient.date-of-birth')).toMatchObject({ subject: 'dateOfBirth' });
    expect(cardFor(verdict, 'patient.date-of-birth').summary).toMatch(/“last Tuesday” is not a date/);
    expect(cardFor(verdict, 'required.field')).toMatchObject({ subject: 'given', summary: 'Given name is missing.' });
  });

  it('names an unknown need code and does not throw on it', () => {
    const card = cardFor(
      checkReferral(BOUNDARIED, changed({ needs: ['loneliness', 'knitting'] }), TODAY),
      'need.unknown',
    );
    expect(card).toMatchObject({ subject: 'knitting' });
    expect(card.summary).toMatch(/“knitting” is not a need this pad knows/);
  });

  it('gives the typical wait of a waiting list', () => {
    const model = variant(OPEN, { capacity: { status: 'waiting-list', typicalWeeks: 6 } });
    expect(cardFor(checkReferral(model, widower(), TODAY), 'capacity.waiting-list').summary).toMatch(/about 6 weeks/);
  });

  it('tells the referrer to tell their champion when the model is past review', () => {
    const card = cardFor(checkReferral(OPEN, widower(), '2027-04-01'), 'model.review-overdue');
    expect(card.summary).toBe('The agreed model is past its review date: tell your practice champion.');
    expect(card.indicator).toBe('warning');
  });

  it('keeps summaries under 140 characters when a model’s names are as long as allowed', () => {
    const long = { service: 'S'.repeat(200), contact: 'C'.repeat(300) };
    const model = variant(allRedirect, {
      service: { name: 'N'.repeat(200), contact: 'c' },
      scope: { outOfScopeRoute: long },
      pathway: { minAge: 80 },
      capacity: { status: 'paused', redirectTo: long },
    });
    const draft = changed({ safety: Object.fromEntries(SAFETY_FLAGS.map((flag) => [flag, true])), needs: ['housing'] });
    const verdict = checkReferral(model, draft, TODAY);
    expect(verdict.cards.length).toBeGreaterThan(SAFETY_FLAGS.length);
    for (const card of verdict.cards) expect(card.summary.length).toBeLessThan(140);
  });

  it('uses only rule ids from the published list', () => {
    const verdict = checkReferral(allRedirect, draftSchema.parse({ needs: ['x'], overrideReason: '' }), '2030-01-01');
    for (const card of verdict.cards) expect(RULE_IDS).toContain(card.rule);
  });
});

describe('checkReferral is pure', () => {
  function deepFreeze<T>(value: T): T {
    if (value && typeof value === 'object') {
      for (const inner of Object.values(value)) deepFreeze(inner);
      Object.freeze(value);
    }
    return value;
  }

  it('gives the same verdict for the same inputs and changes neither input', () => {
    const model = structuredClone(BOUNDARIED);
    const draft = changed({
      patient: { dateOfBirth: '1972-01-15', postcode: 'BS1 4DJ' },
      needs: ['loneliness', 'housing', 'gardening'],
      safety: { safeguarding: true, psychosis: undefined },
      overrideReason: reason,
    });
    const [modelBefore, draftBefore] = [structuredClone(model), structuredClone(draft)];
    deepFreeze(model);
    deepFreeze(draft);
    const first = checkReferral(model, draft, TODAY);
    const second = checkReferral(model, draft, TODAY);
    expect(second).toEqual(first);
    expect(first.cards.length).toBeGreaterThan(3);
    expect(model).toEqual(modelBefore);
    expect(draft).toEqual(draftBefore);
  });

  it('never throws, keeps to the published rules and never lets a crisis through unrouted, whatever the draft holds', () => {
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom('943 476 5919', '12-Mar-1954', 'BS16 1QY', 'BS1 4DJ', 'L81001', 'male'),
    );
    const draftArbitrary = fc.record(
      {
        patient: fc.record(
          {
            nhsNumber: text,
            given: text,
            family: text,
            dateOfBirth: text,
            sex: text,
            phone: text,
            email: text,
            postcode: text,
            contactModes: fc.array(fc.oneof(fc.string(), fc.constantFrom('phone', 'email', 'letter'))),
            contactTimes: text,
            interpreterLanguage: text,
            accessNeeds: fc.array(fc.string()),
          },
          { requiredKeys: [] },
        ),
        needs: fc.array(fc.oneof(fc.string(), fc.constantFrom(...NEED_CODES))),
        whatMatters: fc.string(),
        safety: fc.record(Object.fromEntries(SAFETY_FLAGS.map((flag) => [flag, fc.boolean()])), { requiredKeys: [] }),
        routesUsed: fc.record(Object.fromEntries(SAFETY_FLAGS.map((flag) => [flag, fc.boolean()])), {
          requiredKeys: [],
        }),
        consent: fc.record({ referral: fc.boolean(), sharing: fc.boolean() }, { requiredKeys: [] }),
        referrer: fc.record({ name: text, role: text, odsCode: text }, { requiredKeys: [] }),
        overrideReason: fc.string(),
      },
      { requiredKeys: ['patient', 'needs', 'whatMatters', 'safety', 'consent', 'referrer'] },
    );
    fc.assert(
      fc.property(draftArbitrary, fc.constantFrom(OPEN, BOUNDARIED, allRedirect, allFlag), (input, model) => {
        const draft = draftSchema.parse(input);
        const verdict = checkReferral(model, draft, TODAY);
        for (const card of verdict.cards) {
          expect(RULE_IDS).toContain(card.rule);
          expect(card.summary.length).toBeLessThan(140);
        }
        const crisis = SAFETY_FLAGS.some((flag) => draft.safety[flag] && model.safety[flag].action === 'redirect');
        if (crisis) expect(verdict.outcome).toBe('redirect');
        // A flagged answer whose route is not confirmed never lets the referral go.
        const unconfirmed = SAFETY_FLAGS.some(
          (flag) => draft.safety[flag] && model.safety[flag].action === 'flag' && !draft.routesUsed[flag],
        );
        if (unconfirmed) expect(canSend(verdict)).toBe(false);
        for (const flag of SAFETY_FLAGS) {
          if (!draft.safety[flag] || model.safety[flag].action !== 'flag') continue;
          const card = verdict.cards.find((found) => found.rule === `safety.${flag}`);
          expect(card?.indicator).toBe('critical');
          expect(card?.suggestions[0]?.route).toEqual(model.safety[flag].redirectTo);
        }
        if (verdict.outcome === 'redirect') {
          expect(verdict.cards.some((card) => card.suggestions.length > 0 && !card.overridden)).toBe(true);
        }
      }),
      { numRuns: 400, seed: 20261122 },
    );
  });
});
