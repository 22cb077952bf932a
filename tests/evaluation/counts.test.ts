import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReferral } from '../../domain/criteria/check-referral';
import { sentVerdict } from '../../domain/criteria/verdict';
import { type CheckEnded, checkEnding, type PadCheck, sentEnding } from '../../domain/evaluation/check-ending';
import { pointOfReferralCountsSchema } from '../../domain/evaluation/counts';
import { fromMeasureReport, toMeasureReport } from '../../domain/evaluation/measure-report';
import { addEnding, emptyTally, talliesOf } from '../../domain/evaluation/tally';
import { BOUNDARIED_VCSE_MODEL } from '../../domain/model/examples';
import { referralFromDraft } from '../../domain/pad/referral-from-draft';
import { emptyDraft, type ReferralDraft } from '../../domain/referral/draft';
import type { Referral } from '../../domain/referral/referral';
import { changed, TODAY, widower } from '../../test-support/fixtures/criteria';

const ID = '0b8e2f4c-6a1d-4c3e-9f7a-2d5b8c1e0a93';
const model = BOUNDARIED_VCSE_MODEL;

function pad(draft: ReferralDraft, serviceId = 'kingsmead-connect'): PadCheck {
  const verdict = checkReferral(model, draft, TODAY);
  return { phase: 'editing', sent: undefined, referralId: ID, draft, verdict, model, serviceId };
}

function sent(draft: ReferralDraft): Referral {
  const made = referralFromDraft(
    draft,
    sentVerdict(checkReferral(model, draft, TODAY), draft),
    ID,
    `${TODAY}T10:00:00Z`,
  );
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  return { ...made.referral, serviceId: 'kingsmead-connect' };
}

describe('how a check ended', () => {
  it('sent in the model, or with an override when the referral carries its reason', () => {
    expect(sentEnding(sent(widower()))).toMatchObject({ ending: 'sent-in-model', serviceId: 'kingsmead-connect' });
    const overridden = changed({
      patient: { dateOfBirth: '1972-01-15' },
      overrideReason: 'Lives alone, recently bereaved',
    });
    expect(sentEnding(sent(overridden))).toMatchObject({ ending: 'sent-with-override', route: null });
    expect(checkEnding({ ...pad(widower()), phase: 'sent', sent: sent(widower()) })?.ending).toBe('sent-in-model');
  });

  it('redirected by the route of the most severe card, when not sent and the check sends the person elsewhere', () => {
    const crisis = changed({ safety: { 'suicidal-thoughts': true } });
    expect(checkEnding(pad(crisis))).toEqual({
      referralId: ID,
      odsCode: 'L81001',
      serviceId: 'kingsmead-connect',
      modelVersion: model.version,
      ending: 'redirected',
      route: 'NHS 111, option 2 (urgent mental health help)',
    });
    // Under 65: the model's out-of-scope route names a directory service, counted by its id.
    expect(checkEnding(pad(changed({ patient: { dateOfBirth: '1972-01-15' } })))?.route).toBe(
      'kingsmead-valley-pcn-sp',
    );
  });

  it('abandoned when not sent for any other reason; nothing while the draft is untouched', () => {
    expect(checkEnding(pad(widower()))?.ending).toBe('abandoned');
    expect(checkEnding(pad(changed({ whatMatters: '' })))?.ending).toBe('abandoned');
    const untouched = { ...emptyDraft(), referrer: { name: '', role: '', odsCode: 'L81001' } };
    expect(checkEnding(pad(untouched))).toBeUndefined();
    expect(checkEnding(pad(changed({ referrer: { odsCode: '' } })))).toBeUndefined();
  });
});

describe('a day’s tally', () => {
  const ended = (ending: CheckEnded['ending'], route: string | null = null, serviceId: string | null = 'a-service') =>
    ({ referralId: ID, odsCode: 'L81001', serviceId, modelVersion: 3, ending, route }) satisfies CheckEnded;

  it('adds each ending once to its service and model version, checked the sum', () => {
    const tally = [
      ended('sent-in-model'),
      ended('sent-with-override'),
      ended('redirected', 'NHS 111'),
      ended('redirected', 'NHS 111'),
      ended('redirected', 'kingsmead-valley-pcn-sp'),
      ended('abandoned', null, null),
    ].reduce(addEnding, emptyTally('L81001', '2026-12-01'));
    expect(pointOfReferralCountsSchema.parse(tally)).toEqual({
      odsCode: 'L81001',
      day: '2026-12-01',
      services: [
        {
          serviceId: 'a-service',
          modelVersion: 3,
          checked: 5,
          sentInModel: 1,
          sentWithOverride: 1,
          redirected: [
            { route: 'NHS 111', n: 2 },
            { route: 'kingsmead-valley-pcn-sp', n: 1 },
          ],
          abandoned: 0,
        },
        {
          serviceId: null,
          modelVersion: 3,
          checked: 1,
          sentInModel: 0,
          sentWithOverride: 0,
          redirected: [],
          abandoned: 1,
        },
      ],
    });
    expect(fromMeasureReport(toMeasureReport(tally))).toEqual({ ok: true, counts: tally });
  });

  it('one tally per practice and day', () => {
    const checks = [ended('abandoned'), { ...ended('abandoned'), odsCode: 'Y02345' }, ended('sent-in-model')];
    const days = ['2026-12-01', '2026-12-01', '2026-12-02'];
    const tallies = talliesOf(
      checks.map((check, index) => ({ ...check, day: days[index] as string })),
      (check) => check.day,
    );
    expect(tallies.map(({ odsCode, day }) => `${odsCode} ${day}`)).toEqual([
      'L81001 2026-12-01',
      'Y02345 2026-12-01',
      'L81001 2026-12-02',
    ]);
  });
});

describe('the MeasureReport read at the queue', () => {
  const tally = addEnding(emptyTally('L81001', '2026-12-01'), {
    referralId: ID,
    odsCode: 'L81001',
    serviceId: 'kingsmead-connect',
    modelVersion: 2,
    ending: 'redirected',
    route: 'NHS 111',
  });

  it('says where a malformed one is wrong', () => {
    const report = toMeasureReport(tally) as unknown as Record<string, unknown>;
    const withPatient = { ...report, contained: [{ resourceType: 'Patient', name: [{ family: 'SMITH' }] }] };
    expect(fromMeasureReport(withPatient)).toMatchObject({ ok: false, problems: [{ path: 'MeasureReport' }] });
    const groups = structuredClone(report.group) as { population: { count: number }[] }[];
    (groups[3] as { population: { count: number }[] }).population[0] = {
      ...(groups[3]?.population[0] as { count: number }),
      count: 5,
    };
    expect(fromMeasureReport({ ...report, group: groups })).toMatchObject({
      ok: false,
      problems: [{ path: 'MeasureReport.group[3].population[0].count' }],
    });
  });
});

describe('the counts carry no patient data (HEC1)', () => {
  const text = fc.string({ minLength: 6, maxLength: 40 }).filter((value) => value.trim().length >= 6);
  const person = fc.record({
    given: text,
    family: text,
    whatMatters: text,
    contactTimes: text,
    interpreterLanguage: text,
    referrerName: text,
    referrerRole: text,
    overrideReason: text,
    nhsNumber: fc.constantFrom('943 476 5919', '401 023 2137', '900 000 0009'),
    phone: fc.constantFrom('07700 900123', '+44 117 496 0000'),
    scenario: fc.constantFrom('in-model', 'override', 'crisis', 'incomplete'),
  });

  it('whatever the patient and the free text, the payload is the same, and holds none of it', () => {
    fc.assert(
      fc.property(person, (p) => {
        const scenario = {
          'in-model': {},
          override: { patient: { dateOfBirth: '1972-01-15' }, overrideReason: `Lives alone: ${p.overrideReason}` },
          crisis: { safety: { 'suicidal-thoughts': true } },
          incomplete: { consent: { sharing: undefined } },
        }[p.scenario];
        const draft = (free: boolean) =>
          changed({
            ...scenario,
            patient: {
              ...scenario.patient,
              ...(free ? { given: p.given, family: p.family, nhsNumber: p.nhsNumber, phone: p.phone } : {}),
              ...(free ? { contactTimes: p.contactTimes, interpreterLanguage: p.interpreterLanguage } : {}),
            },
            ...(free ? { whatMatters: p.whatMatters, referrer: { name: p.referrerName, role: p.referrerRole } } : {}),
          });
        const payload = (free: boolean) => {
          const d = draft(free);
          const check = pad(d);
          const ending =
            p.scenario === 'in-model' || p.scenario === 'override'
              ? checkEnding({ ...check, phase: 'sent', sent: sent(d) })
              : checkEnding(check);
          if (!ending) throw new Error('no ending');
          return JSON.stringify(toMeasureReport(addEnding(emptyTally('L81001', '2026-12-01'), ending)));
        };
        const json = payload(true);
        expect(json).toBe(payload(false));
        const { patient } = draft(true);
        const personal = [
          ...[p.given, p.family, p.whatMatters, p.contactTimes, p.interpreterLanguage].map((one) => one.trim()),
          ...[p.referrerName, p.referrerRole, p.overrideReason].map((one) => one.trim()),
          ...[patient.nhsNumber, patient.nhsNumber?.replace(/ /g, ''), patient.phone, patient.postcode],
          patient.dateOfBirth,
        ];
        for (const value of personal) if (value) expect(json).not.toContain(value);
      }),
      { numRuns: 200 },
    );
  });
});
