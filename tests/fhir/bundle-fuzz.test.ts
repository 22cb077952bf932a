import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundleToReferral, referralToBundle } from '../../domain/fhir';
import {
  ACCESS_NEED_CODES,
  CONTACT_MODE_CODES,
  NEED_CODES,
  OUTCOMES,
  PATIENT_FIELDS,
  type Referral,
  referralSchema,
  SAFETY_FLAGS,
  SEXES,
} from '../../domain/referral';
import { referrals } from '../../test-support/fixtures/referrals';

/** Either a refusal with located problems, or a referral the schema accepts: never a throw, never an empty refusal. */
function expectAnAnswer(body: unknown): void {
  const result = bundleToReferral(body);
  if (result.ok) {
    expect(referralSchema.safeParse(result.referral).success).toBe(true);
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(typeof problem.path).toBe('string');
      expect(problem.message.length).toBeGreaterThan(0);
    }
  }
}

type Path = (string | number)[];

/** Every place in a JSON value: a change at any of them is a Bundle a careless or hostile sender could send. */
function pathsIn(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [path];
  const children = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return [
    path,
    ...children.flatMap((key) => pathsIn((value as Record<string | number, unknown>)[key], [...path, key])),
  ];
}

type Mutation = { kind: 'replace' | 'delete' | 'add'; replacement: unknown; key: string };

function mutated(bundle: unknown, path: Path, mutation: Mutation): unknown {
  const copy = structuredClone(bundle) as Record<string | number, unknown>;
  if (path.length === 0) return mutation.kind === 'replace' ? mutation.replacement : copy;
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((at, key) => at[key] as never, copy);
  const last = path[path.length - 1] as string | number;
  if (mutation.kind === 'replace') parent[last] = mutation.replacement;
  else if (mutation.kind === 'delete' && Array.isArray(parent)) parent.splice(last as number, 1);
  else if (mutation.kind === 'delete') delete parent[last];
  else if (parent[last] !== null && typeof parent[last] === 'object' && !Array.isArray(parent[last]))
    (parent[last] as Record<string, unknown>)[mutation.key] = mutation.replacement;
  else parent[last] = mutation.replacement;
  return copy;
}

const validBundles = Object.values(referrals).map((referral) => JSON.parse(JSON.stringify(referralToBundle(referral))));

const words = fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim().length > 0);

/** Referrals the schema accepts, with any text in the free-text fields and any mix of optional fields. */
const anyReferral: fc.Arbitrary<Referral> = fc
  .record(
    {
      id: fc.uuid({ version: 4 }),
      createdAt: fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString()),
      patient: fc.record(
        {
          nhsNumber: fc.constantFrom('9434765919', '9434765870', '4010232137', '9000000009'),
          given: words,
          family: words,
          dateOfBirth: fc.constantFrom('1950-03-12', '2000-02-29', '1999-12-31'),
          sex: fc.constantFrom(...SEXES),
          phone: fc.constantFrom('07700 900123', '+44 (0)117 496 0000'),
          email: fc.constantFrom('someone@example.org'),
          postcode: fc.constantFrom('bs1 4dj', 'SW1A 1AA'),
          contactModes: fc.uniqueArray(fc.constantFrom(...CONTACT_MODE_CODES)),
          contactTimes: words,
          interpreterLanguage: words,
          accessNeeds: fc.uniqueArray(fc.constantFrom(...ACCESS_NEED_CODES)),
        },
        { requiredKeys: ['nhsNumber', 'given', 'family', 'dateOfBirth', 'sex'] },
      ),
      needs: fc.uniqueArray(fc.constantFrom(...NEED_CODES), { minLength: 1 }),
      whatMatters: fc.string({ maxLength: 200 }),
      safety: fc.record(Object.fromEntries(SAFETY_FLAGS.map((flag) => [flag, fc.boolean()]))),
      consent: fc.record({ referral: fc.boolean(), sharing: fc.boolean() }),
      referrer: fc.record({ name: words, role: words, odsCode: fc.constantFrom('L81001', 'y02345') }),
      provenance: fc.dictionary(fc.constantFrom(...PATIENT_FIELDS), fc.constantFrom('page' as const, 'typed' as const)),
      verdict: fc.record(
        {
          modelId: words,
          modelVersion: fc.integer({ min: 1, max: 10_000 }),
          outcome: fc.constantFrom(...OUTCOMES),
          rules: fc.array(fc.string({ maxLength: 30 }), { maxLength: 4 }),
          overrideReason: words,
        },
        { requiredKeys: ['modelId', 'modelVersion', 'outcome', 'rules'] },
      ),
    },
    { requiredKeys: ['id', 'createdAt', 'patient', 'needs', 'safety', 'consent', 'referrer', 'verdict'] },
  )
  .map((input) => referralSchema.safeParse(input))
  .filter((parsed) => parsed.success)
  .map((parsed) => parsed.data as Referral);

describe('bundleToReferral on anything', () => {
  it('never throws on arbitrary JSON, and answers with located problems', () => {
    fc.assert(fc.property(fc.jsonValue(), (body) => expectAnAnswer(body)));
  });

  it('never throws on a valid Bundle changed at any one place', () => {
    const changes = fc
      .record({
        bundle: fc.constantFrom(...validBundles),
        pick: fc.nat(),
        mutation: fc.record({
          kind: fc.constantFrom('replace' as const, 'delete' as const, 'add' as const),
          replacement: fc.jsonValue({ maxDepth: 3 }),
          key: fc.string({ maxLength: 12 }),
        }),
      })
      .map(({ bundle, pick, mutation }) => {
        const paths = pathsIn(bundle);
        return mutated(bundle, paths[pick % paths.length] ?? [], mutation);
      });
    fc.assert(
      fc.property(changes, (body) => expectAnAnswer(body)),
      { numRuns: 500 },
    );
  });

  it('brings back any referral the schema accepts, unchanged', () => {
    fc.assert(
      fc.property(anyReferral, (referral) => {
        const wire = JSON.parse(JSON.stringify(referralToBundle(referral)));
        expect(bundleToReferral(wire)).toStrictEqual({ ok: true, referral });
      }),
      { numRuns: 200 },
    );
  });
});
