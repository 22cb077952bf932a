import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundleToReferral, type fhir4, referralToBundle } from '../../domain/fhir';
import { formatPath } from '../../domain/fhir/problems';
import { type Referral, referralSchema, textsIn, unsendableCharacter } from '../../domain/referral';
import { readDelivery } from '../../server/fhir/read-delivery';
import { richReferral } from '../../test-support/fixtures/referrals';
import { bundleBody, type Outcome, postBundle, send, storedReferrals } from '../../test-support/queue/queue';
import { queueForTests } from '../../test-support/queue/queue-for-tests';

type Path = (string | number)[];

/** Where every string is in a JSON value. */
function textPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (value === null || typeof value !== 'object') return [];
  const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return keys.flatMap((key) => textPaths((value as Record<string | number, unknown>)[key], [...path, key]));
}

/** The Bundle with `text` at each of `paths`. */
function withText(bundle: fhir4.Bundle, paths: Path[], text: string): string {
  const copy = structuredClone(bundle) as unknown as Record<string | number, unknown>;
  for (const path of paths) {
    const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((at, key) => at[key] as never, copy);
    parent[path[path.length - 1] as string | number] = text;
  }
  return JSON.stringify(copy);
}

let counter = 0;
/** The rich referral under a new id, with changes: what a client that is not the pad might send. */
function referral(change: Record<string, unknown> = {}): Referral {
  const id = `5e000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
  return { ...richReferral, id, ...change } as Referral;
}

describe('referrals the queue refuses, on the embedded database', () => {
  const queue = queueForTests();

  it('never answers a 5xx to any text in any string of a Bundle (NUL, lone surrogates, any unicode); in a text the referral keeps, such a character is a located 422', async () => {
    const sent = referral();
    const bundle = referralToBundle(sent);
    const paths = textPaths(bundle);
    // The texts a referrer writes (names, what matters, contact times, the referrer): the rest are codes and systems.
    const written = new Set([
      sent.patient.given,
      sent.patient.family,
      sent.whatMatters,
      sent.patient.contactTimes,
      sent.patient.interpreterLanguage,
      sent.referrer.name,
      sent.referrer.role,
    ]);
    // Each such text wherever the Bundle has it (the Task carries the referrer again, checked against the ServiceRequest's).
    const freeText = [...written].flatMap((original) => {
      const copies = paths.filter((path) => pathValue(bundle, path) === original);
      return copies.length > 0 ? [copies] : [];
    });
    expect(freeText.length).toBeGreaterThanOrEqual(7);
    const binary = fc.string({ unit: 'binary', maxLength: 40 });
    // Any unicode, and as often as not one of the characters PostgreSQL's jsonb refuses within it.
    const arbitrary = fc.oneof(
      binary,
      fc
        .tuple(binary, fc.constantFrom('\u0000', '\ud800', '\udfff', '\u001b', '\u0085'), binary)
        .map((parts) => parts.join('')),
    );
    // Most often the field's own text with something inserted, so that the rest of the Bundle stays a referral.
    const text = (original: string) =>
      fc.oneof(
        {
          weight: 3,
          arbitrary: fc
            .tuple(arbitrary, fc.nat(original.length))
            .map(([inserted, at]) => original.slice(0, at) + inserted + original.slice(at)),
        },
        { weight: 1, arbitrary },
      );
    const place = fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(...paths.map((path) => [path])) },
      { weight: 2, arbitrary: fc.constantFrom(...freeText) },
    );
    let refusedText = 0;
    await fc.assert(
      fc.asyncProperty(
        place.chain((copies) => fc.tuple(fc.constant(copies), text(String(pathValue(bundle, copies[0] as Path))))),
        async ([copies, value]) => {
          const body = withText(bundle, copies, value);
          const before = await storedReferrals(queue);
          const response = await postBundle(queue, body, {});
          expect(response.status).toBeLessThan(500);
          const answer = (await response.json()) as fhir4.Resource;
          if (response.status === 200) {
            // A referral the queue's own reading accepts, stored with no character the database cannot hold (a
            // Bundle's display texts are not read, so not stored).
            const read = bundleToReferral(JSON.parse(body));
            expect(read.ok).toBe(true);
            const id = read.ok ? read.referral.id : '';
            const [row] = await queue.db.query<{ referral: unknown }>('SELECT referral FROM referral WHERE id = $1', [
              id,
            ]);
            expect(textsIn(row?.referral).filter(({ text }) => unsendableCharacter(text))).toEqual([]);
            return;
          }
          expect(answer.resourceType).toBe('OperationOutcome');
          expect(await storedReferrals(queue)).toBe(before);
          if (freeText.includes(copies) && unsendableCharacter(value) && value.trim() !== '') {
            refusedText++;
            expect(response.status).toBe(422);
            const issues = (answer as Outcome).issue;
            // Located at the text, or at the element that holds it (contact times are a part of an extension).
            const at = copies.map(formatPath);
            expect(
              issues.some((issue) =>
                at.some((place) => issue.expression?.[0] && place.startsWith(issue.expression[0])),
              ),
            ).toBe(true);
            expect(issues.some((issue) => /cannot be sent/.test(issue.diagnostics ?? ''))).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
    expect(refusedText).toBeGreaterThan(50);
  });

  it('refuses a NUL in what matters to the patient with 422 naming where it is, and nothing is stored', async () => {
    const before = await storedReferrals(queue);
    const response = await send(queue, referral({ whatMatters: 'Back to the choir\u0000' }));
    expect(response.status).toBe(422);
    const issue = ((await response.json()) as Outcome).issue[0];
    expect(issue?.expression).toEqual(['entry[1].resource.note[0].text']);
    expect(issue?.diagnostics).toBe(
      'This text holds a character that cannot be sent (U+0000: a control character, or half of a broken one). Delete it and type the text again. (the referral’s whatMatters)',
    );
    const lone = await send(queue, referral({ referrer: { ...richReferral.referrer, name: 'Dr \ud800' } }));
    expect(lone.status).toBe(422);
    expect(((await lone.json()) as Outcome).issue[0]?.expression).toEqual([
      'entry[1].resource.contained[0].practitioner.display',
    ]);
    expect(await storedReferrals(queue)).toBe(before);
  });

  it.each([
    [
      'no consent to the referral',
      { consent: { referral: false, sharing: true } },
      'The patient has not agreed to be referred: a referral needs their consent.',
      /^entry\[1\]\.resource\.extension\[\d+\]$/,
    ],
    [
      'no consent to sharing',
      { consent: { referral: true, sharing: false } },
      'The patient has not agreed to share their details with the service: a referral needs their consent.',
      /^entry\[1\]\.resource\.extension\[\d+\]$/,
    ],
    [
      'a safety redirect not overridden',
      {
        safety: { ...richReferral.safety, 'suicidal-thoughts': true },
        verdict: {
          ...richReferral.verdict,
          outcome: 'redirect',
          rules: ['safety.suicidal-thoughts', 'safety.safeguarding'],
        },
      },
      'The referral was outside the agreed model when it was checked (a redirect not overridden): the person goes where the model says, not to this service.',
      /^entry\[1\]\.resource\.extension\[\d+\]$/,
    ],
    [
      'a safety answer of yes the verdict never saw',
      { safety: { ...richReferral.safety, psychosis: true } },
      'The answer yes to “Psychosis or unstable severe mental illness” is not in the verdict: the referral was not checked against the agreed model with it.',
      /^entry\[1\]\.resource\.extension\[\d+\]$/,
    ],
    [
      'an override with no real reason',
      { verdict: { ...richReferral.verdict, rules: ['scope.age', 'safety.safeguarding'], overrideReason: 'ok' } },
      'An override needs a reason of at least 10 characters.',
      /^entry\[1\]\.resource\.extension\[\d+\]\.extension\[\d+\]$/,
    ],
    [
      'an override of what the model never allows overriding (a safety rule)',
      {
        verdict: {
          ...richReferral.verdict,
          rules: ['safety.safeguarding'],
          overrideReason: 'The family asked for this referral.',
        },
      },
      'An override is allowed only of the agreed model’s scope (need, age, area, practice); the verdict has none to override.',
      /^entry\[1\]\.resource\.extension\[\d+\]\.extension\[\d+\]$/,
    ],
    [
      'a date of birth in 2999',
      { patient: { ...richReferral.patient, dateOfBirth: '2999-01-01' } },
      'The date of birth is in the future.',
      /^entry\[0\]\.resource\.birthDate$/,
    ],
    [
      'a date of birth before 1880',
      { patient: { ...richReferral.patient, dateOfBirth: '1879-12-31' } },
      'The date of birth is before 1880.',
      /^entry\[0\]\.resource\.birthDate$/,
    ],
    [
      'a referral made in 9999',
      { createdAt: '9999-01-01T00:00:00.000Z' },
      'The referral is dated 9999-01-01T00:00:00.000Z, later than now: check the date and time on the computer that sent it.',
      /^entry\[1\]\.resource\.authoredOn$/,
    ],
  ])('refuses %s with 422, the rule in words at its place in the Bundle', async (_, change, message, where) => {
    const before = await storedReferrals(queue);
    const response = await send(queue, referralSchema.parse(referral(change)));
    expect(response.status).toBe(422);
    const outcome = (await response.json()) as Outcome;
    expect(outcome.issue).toHaveLength(1);
    expect(outcome.issue[0]?.diagnostics).toBe(`${message} (the referral’s ${pathOf(change)})`);
    expect(outcome.issue[0]?.expression?.[0]).toMatch(where);
    expect(await storedReferrals(queue)).toBe(before);
  });

  it('takes a referral made a minute ahead of its clock (a sending computer’s clock runs a little fast)', async () => {
    const ahead = new Date(Date.now() + 60_000).toISOString();
    expect((await send(queue, referral({ createdAt: ahead }))).status).toBe(200);
  });
});

describe('a value the database refuses, on the embedded database', () => {
  // A reader that lets a NUL through (an older reader, a gap in the checks): the database is the last line.
  const queue = queueForTests({
    read: async (text, receivedAt) => {
      const delivery = readDelivery(text, receivedAt);
      if (!delivery.ok || delivery.referral.whatMatters !== 'NUL') return delivery;
      return { ...delivery, referral: { ...delivery.referral, whatMatters: 'a\u0000b' } };
    },
  });

  it('is the client’s 422, never a 500, and the referrals stored beside it in the same write are kept', async () => {
    const bad = referral({ whatMatters: 'NUL' });
    const good = [referral(), referral(), referral()];
    const responses = await Promise.all(
      [bad, ...good].map((each) => postBundle(queue, bundleBody(each), { key: each.id })),
    );
    expect(responses.map((response) => response.status)).toEqual([422, 200, 200, 200]);
    const issue = ((await (responses[0] as Response).json()) as Outcome).issue[0];
    expect(issue?.diagnostics).toMatch(/^The referral holds a value that cannot be stored: /);
    expect(await storedReferrals(queue)).toBe(3);
  });
});

function pathValue(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], value);
}

/** The referral field a change is about, as the queue names it. */
function pathOf(change: Record<string, unknown>): string {
  if ('consent' in change)
    return (change.consent as { referral: boolean }).referral ? 'consent.sharing' : 'consent.referral';
  if ('createdAt' in change) return 'createdAt';
  if ('patient' in change) return 'patient.dateOfBirth';
  const verdict = change.verdict as { outcome?: string; overrideReason?: string } | undefined;
  if (verdict?.overrideReason) return 'verdict.overrideReason';
  if (verdict?.outcome === 'redirect') return 'verdict.outcome';
  return 'safety.psychosis';
}
