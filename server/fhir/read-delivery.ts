import { bundleToReferral, type fhir4 } from '../../domain/fhir';
import type { Referral } from '../../domain/referral';
import type { Issue } from './operation-outcome';
import { bodyHash, type EntryType, patientIdFor } from './transaction';

/** A delivery's body read and checked: what the store needs to keep it, or why it is refused. */
export type Delivery =
  | {
      ok: true;
      referral: Referral;
      order: EntryType[];
      bodyHash: string;
      patientId: string;
    }
  | { ok: false; issues: Issue[] };

/**
 * Reads a referral Bundle's text as it arrived. Pure and never throws: it runs on the request's thread or on a reader
 * thread alike (server/fhir/readers.ts).
 */
export function readDelivery(text: string): Delivery {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ code: 'invalid', message: `The body is not JSON: ${(error as Error).message}` }] };
  }
  const read = bundleToReferral(body);
  if (!read.ok)
    return {
      ok: false,
      issues: read.problems.map((problem) => ({ code: 'invalid', message: problem.message, path: problem.path })),
    };
  const { referral } = read;
  const bundle = body as fhir4.Bundle;
  const order = (bundle.entry ?? []).map((entry) => entry.resource?.resourceType as EntryType);
  return {
    ok: true,
    referral,
    order,
    bodyHash: bodyHash(text),
    patientId: patientIdFor(referral.referrer.odsCode, referral.patient.nhsNumber),
  };
}
