import { whyNotSendable } from '../../domain/criteria';
import { bundleToReferral, type fhir4 } from '../../domain/fhir';
import type { Referral } from '../../domain/referral';
import { bodyHash, type EntryType, patientIdFor } from '../store/fhir-answers';
import type { Issue } from './operation-outcome';

/** A delivery's body read and checked: what the store needs to keep it, or why it is refused. */
export type Delivery =
  | {
      ok: true;
      referral: Referral;
      order: EntryType[];
      bodyHash: string;
      patientId: string;
    }
  /** 400: not a referral Bundle; 422: one, but its referral is refused (a text it cannot hold, a clinical rule). */
  | { ok: false; status: 400 | 422; issues: Issue[] };

/**
 * Reads a referral Bundle's text as it arrived, `receivedAt` (ms) by the service's clock, and holds it to the clinical
 * rules. Pure and never throws: it runs on the request's thread or on a reader thread alike (server/fhir/readers.ts).
 */
export function readDelivery(text: string, receivedAt: number): Delivery {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      status: 400,
      issues: [{ code: 'invalid', message: `The body is not JSON: ${(error as Error).message}` }],
    };
  }
  const read = bundleToReferral(body, (referral) => whyNotSendable(referral, new Date(receivedAt)));
  if (!read.ok)
    return {
      ok: false,
      status: read.problems.some((problem) => problem.unprocessable) ? 422 : 400,
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
