import { describe, expect, it } from 'vitest';
import { bundleToReferral, EXTENSIONS, type FhirProblem, referralToBundle, SYSTEMS } from '../../domain/fhir';
import { richReferral } from '../../test-support/fixtures/referrals';

// biome-ignore lint/suspicious/noExplicitAny: a test edits the JSON a sender could send, whatever its shape
type Json = any;

/** The rich referral's Bundle as JSON text would bring it, changed by `edit`. Entries: 0 Patient, 1 ServiceRequest, 2 Task. */
function sentWith(edit: (bundle: Json) => void): Json {
  const bundle = JSON.parse(JSON.stringify(referralToBundle(richReferral)));
  edit(bundle);
  return bundle;
}

function problemsOf(body: unknown): FhirProblem[] {
  const result = bundleToReferral(body);
  if (result.ok) throw new Error('expected the Bundle to be refused');
  return result.problems;
}

describe('bundleToReferral refuses what is not our referral Bundle, saying where', () => {
  it.each([[null], [42], ['a string'], [[]], [true]])('refuses a body that is not an object: %j', (body) => {
    expect(problemsOf(body)).toEqual([{ path: '', message: 'Not a FHIR Bundle: expected a JSON object.' }]);
  });

  it('refuses a resource that is not a Bundle', () => {
    expect(problemsOf(sentWith((bundle) => (bundle.resourceType = 'Patient')))).toContainEqual({
      path: 'resourceType',
      message: 'Not a FHIR Bundle (resourceType must be "Bundle").',
    });
  });

  it('refuses a Bundle that is not a transaction', () => {
    expect(problemsOf(sentWith((bundle) => (bundle.type = 'collection')))).toContainEqual({
      path: 'type',
      message: 'A referral is sent as a transaction Bundle.',
    });
  });

  it('refuses a Bundle without a ServiceRequest', () => {
    expect(problemsOf(sentWith((bundle) => bundle.entry.splice(1, 1)))).toContainEqual({
      path: 'entry',
      message: 'The Bundle has no ServiceRequest.',
    });
  });

  it('refuses a ServiceRequest without the referral identifier', () => {
    const problems = problemsOf(
      sentWith((bundle) => (bundle.entry[1].resource.identifier = [{ system: 'urn:other', value: 'x' }])),
    );
    expect(problems).toContainEqual({
      path: 'entry[1].resource.identifier',
      message: `The ServiceRequest has no referral identifier (${SYSTEMS.referralId}).`,
    });
  });

  it('refuses a bad NHS number, pointing at the Patient’s identifier', () => {
    const problems = problemsOf(
      sentWith((bundle) => {
        bundle.entry[0].resource.identifier[0].value = '9434765918';
        bundle.entry[0].request.ifNoneExist = 'identifier=https://fhir.nhs.uk/Id/nhs-number|9434765918';
      }),
    );
    expect(problems).toEqual([
      {
        path: 'entry[0].resource.identifier[0].value',
        message: expect.stringMatching(/check digit is wrong.*patient\.nhsNumber/),
      },
    ]);
  });

  it('refuses extra elements anywhere rather than dropping them', () => {
    expect(problemsOf(sentWith((bundle) => (bundle.garbage = 1)))).toContainEqual({
      path: '',
      message: expect.stringContaining('garbage'),
    });
    expect(problemsOf(sentWith((bundle) => (bundle.entry[1].resource.priority = 'stat')))).toContainEqual({
      path: 'entry[1].resource',
      message: expect.stringContaining('priority'),
    });
    expect(
      problemsOf(
        sentWith((bundle) =>
          bundle.entry[1].resource.extension.push({ url: 'https://example.org/x', valueString: 'y' }),
        ),
      ),
    ).toContainEqual({
      path: 'entry[1].resource.extension[15].url', // after 5 safety answers, consent, verdict and 8 provenances
      message: expect.stringContaining('refused rather than dropped'),
    });
  });

  it('refuses a fourth resource and a second Patient', () => {
    const observation = {
      fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111',
      resource: { resourceType: 'Observation' },
      request: { method: 'POST', url: 'Observation', ifNoneExist: 'x' },
    };
    expect(problemsOf(sentWith((bundle) => bundle.entry.push(observation)))).toContainEqual({
      path: 'entry[3].resource.resourceType',
      message: 'A referral Bundle holds a Patient, a ServiceRequest and a Task; not a Observation.',
    });
    expect(problemsOf(sentWith((bundle) => bundle.entry.push(bundle.entry[0])))).toContainEqual({
      path: 'entry[3]',
      message: 'The Bundle has more than one Patient.',
    });
  });

  it('refuses missing consent, or a consent without its sharing answer', () => {
    const consentAt = (bundle: Json) =>
      bundle.entry[1].resource.extension.findIndex((extension: Json) => extension.url === EXTENSIONS.consent);
    expect(
      problemsOf(sentWith((bundle) => bundle.entry[1].resource.extension.splice(consentAt(bundle), 1))),
    ).toContainEqual({ path: 'entry[1].resource.extension', message: 'The ServiceRequest carries no consent.' });
    expect(
      problemsOf(sentWith((bundle) => bundle.entry[1].resource.extension[consentAt(bundle)].extension.pop())),
    ).toContainEqual({ path: 'entry[1].resource.extension[5].extension', message: 'The consent has no sharing.' });
  });

  it('refuses a consent answered with something other than yes or no', () => {
    const problems = problemsOf(
      sentWith((bundle) => {
        bundle.entry[1].resource.extension[5].extension[0] = { url: 'referral', valueString: 'yes' };
      }),
    );
    expect(problems).toContainEqual({
      path: 'entry[1].resource.extension[5].extension[0]',
      message: 'The consent’s referral needs exactly one value, a valueBoolean.',
    });
  });

  it('refuses a safety question left unanswered', () => {
    expect(problemsOf(sentWith((bundle) => bundle.entry[1].resource.extension.splice(1, 1)))).toContainEqual({
      path: 'entry[1].resource.extension',
      message: 'The ServiceRequest does not answer the safety question “Psychosis or unstable severe mental illness”.',
    });
  });

  it('refuses a need outside the catalogue, pointing at its reason code', () => {
    const problems = problemsOf(
      sentWith((bundle) => (bundle.entry[1].resource.reasonCode[2].coding[0].code = 'astrology')),
    );
    expect(problems).toEqual([
      { path: 'entry[1].resource.reasonCode[2]', message: expect.stringContaining('needs[2]') },
    ]);
  });

  it('refuses a Task that is not linked to this ServiceRequest and Patient', () => {
    const problems = problemsOf(
      sentWith((bundle) => {
        bundle.entry[2].resource.focus.reference = 'ServiceRequest/elsewhere';
        bundle.entry[2].resource.for.reference = 'Patient/someone-else';
      }),
    );
    expect(problems).toEqual([
      { path: 'entry[2].resource.focus', message: 'The Task’s focus is not the ServiceRequest in this Bundle.' },
      { path: 'entry[2].resource.for', message: 'The Task is not for the Patient in this Bundle.' },
    ]);
  });

  it('refuses an entry that is not a conditional create on its identifier', () => {
    const problems = problemsOf(sentWith((bundle) => delete bundle.entry[1].request.ifNoneExist));
    expect(problems).toContainEqual({ path: 'entry[1].request.ifNoneExist', message: 'Missing.' });
    const wrong = problemsOf(sentWith((bundle) => (bundle.entry[2].request.ifNoneExist = 'identifier=x|y')));
    expect(wrong).toContainEqual({
      path: 'entry[2].request.ifNoneExist',
      message: expect.stringContaining(`identifier=${SYSTEMS.referralId}|${richReferral.id}`),
    });
  });

  it('refuses a ServiceRequest not coded as a referral to social prescribing', () => {
    const problems = problemsOf(sentWith((bundle) => (bundle.entry[1].resource.code.coding[0].code = '123456789')));
    expect(problems).toContainEqual({
      path: 'entry[1].resource.code',
      message: expect.stringContaining('871731000000106'),
    });
  });

  it('refuses an interpreter language without the interpreter-required extension', () => {
    const problems = problemsOf(sentWith((bundle) => bundle.entry[0].resource.extension.shift()));
    expect(problems).toContainEqual({
      path: 'entry[0].resource.communication',
      message: expect.stringContaining('interpreter-required'),
    });
  });

  it.each([['astrology'], ['__proto__']])('refuses a safety answer or provenance for “%s”, not a known one', (code) => {
    const flag = problemsOf(
      sentWith((bundle) => (bundle.entry[1].resource.extension[0].extension[0].valueCoding.code = code)),
    );
    expect(flag).toContainEqual({
      path: 'entry[1].resource.extension[0].extension[0]',
      message: `“${code}” is not one of the safety questions.`,
    });
    const field = problemsOf(
      sentWith((bundle) => (bundle.entry[1].resource.extension[7].extension[0].valueCode = code)),
    );
    expect(field).toEqual([
      {
        path: 'entry[1].resource.extension[7].extension[0]',
        message: `“${code}” is not a patient field whose provenance is kept.`,
      },
    ]);
  });

  it('points a referral rule the values break at the element that holds them', () => {
    const ods = problemsOf(
      sentWith((bundle) => {
        bundle.entry[1].resource.contained[0].organization.identifier.value = 'not an ODS code';
        bundle.entry[2].resource.contained[0].organization.identifier.value = 'not an ODS code';
      }),
    );
    expect(ods).toEqual([
      {
        path: 'entry[1].resource.contained[0].organization.identifier.value',
        message: expect.stringContaining('An ODS code is 3 to 6 letters and digits'),
      },
    ]);
    const postcode = problemsOf(sentWith((bundle) => (bundle.entry[0].resource.address[0].postalCode = 'nowhere')));
    expect(postcode).toEqual([
      { path: 'entry[0].resource.address[0].postalCode', message: expect.stringContaining('Not a UK postcode') },
    ]);
  });

  it('lists every problem at once, not just the first', () => {
    const problems = problemsOf(
      sentWith((bundle) => {
        bundle.entry[0].resource.birthDate = '12/03/1950';
        bundle.entry[1].resource.status = 'draft';
        bundle.entry[2].resource.intent = 'plan';
      }),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      'entry[0].resource.birthDate',
      'entry[1].resource.status',
      'entry[2].resource.intent',
    ]);
  });
});
