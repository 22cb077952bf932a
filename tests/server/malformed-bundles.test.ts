import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundleToReferral, type fhir4, referralToBundle } from '../../domain/fhir';
import { referrals } from '../../test-support/fixtures/referrals';
import { postBundle, storedReferrals } from '../../test-support/queue/queue';
import { queueForTests } from '../../test-support/queue/queue-for-tests';

type Path = (string | number)[];

/** Every place in a JSON value. */
function pathsIn(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [path];
  const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return [path, ...keys.flatMap((key) => pathsIn((value as Record<string | number, unknown>)[key], [...path, key]))];
}

/** A valid Bundle broken at one place: a value of the wrong kind, a part taken away, or an element no referral has. */
function broken(bundle: unknown, path: Path, how: 'replace' | 'delete' | 'add', replacement: unknown): unknown {
  const copy = structuredClone(bundle) as Record<string | number, unknown>;
  if (path.length === 0) return how === 'replace' ? replacement : { ...copy, unexpected: replacement };
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((at, key) => at[key] as never, copy);
  const last = path[path.length - 1] as string | number;
  const target = parent[last];
  if (how === 'replace') parent[last] = replacement;
  else if (how === 'delete' && Array.isArray(parent)) parent.splice(last as number, 1);
  else if (how === 'delete') delete parent[last];
  else if (target !== null && typeof target === 'object' && !Array.isArray(target))
    (target as Record<string, unknown>).unexpectedElement = replacement;
  else parent[last] = { unexpectedElement: replacement };
  return copy;
}

const valid = Object.values(referrals).map((referral) => referralToBundle(referral));

const malformedBundle = fc
  .integer({ min: 0, max: valid.length - 1 })
  .chain((which) => {
    const bundle = valid[which] as fhir4.Bundle;
    const paths = pathsIn(bundle);
    return fc.tuple(
      fc.constant(bundle),
      fc.constantFrom(...paths),
      fc.constantFrom('replace' as const, 'delete' as const, 'add' as const),
      fc.oneof(
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.json().map((text) => JSON.parse(text)),
      ),
    );
  })
  .map(([bundle, path, how, replacement]) => JSON.stringify(broken(bundle, path, how, replacement)));

const anyBody = fc.oneof(
  { weight: 6, arbitrary: malformedBundle },
  { weight: 1, arbitrary: fc.json() },
  { weight: 1, arbitrary: fc.string() },
);

describe('generated malformed Bundles posted to the queue service', () => {
  const queue = queueForTests();

  it('never get a 5xx: a refusal is a 4xx OperationOutcome, and nothing is stored', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(anyBody, fc.option(fc.uuid(), { nil: undefined }), async (body, key) => {
        const before = await storedReferrals(queue);
        const response = await postBundle(queue, body, { key: key ?? null });
        const answer = (await response.json()) as fhir4.Resource;
        expect(response.status).toBeLessThan(500);
        let accepted = false;
        try {
          accepted = bundleToReferral(JSON.parse(body)).ok;
        } catch {}
        if (response.status === 200) {
          // A change that still makes a valid referral (a name, a note) is a referral: stored once.
          expect(accepted).toBe(true);
          expect(answer.resourceType).toBe('Bundle');
          expect(await storedReferrals(queue)).toBeLessThanOrEqual(before + 1);
          return;
        }
        refused++;
        expect(answer.resourceType).toBe('OperationOutcome');
        const issues = (answer as fhir4.OperationOutcome).issue;
        expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) expect(issue.diagnostics?.length).toBeGreaterThan(0);
        expect(await storedReferrals(queue)).toBe(before);
      }),
      { numRuns: 200 },
    );
    // The generator makes mostly malformed bodies: most must have been refused, or the property tested little.
    expect(refused).toBeGreaterThan(130);
  });
});
