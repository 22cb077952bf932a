import { createHash } from 'node:crypto';
import { type fhir4, taskResource } from '../../domain/fhir';
import type { Referral } from '../../domain/referral';

// The FHIR the queue answers with, made from what it stores: here, beside the store, so that a delivery goes from the
// FHIR routes to the store and never back.

export type EntryType = 'Patient' | 'ServiceRequest' | 'Task';

/**
 * A practice's Patient id: the same NHS number from the same practice is the same Patient (what the Bundle's
 * conditional create asks for), without a lookup. Another practice's Patient is another resource.
 */
export function patientIdFor(odsCode: string, nhsNumber: string): string {
  const hex = createHash('sha256').update(`${odsCode}|${nhsNumber}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The Task as served until a link worker changes it: the Task the referral's Bundle carries (the readers have checked
 * that the Bundle's Task is the one its referral asks for), with its id (the referral's), version and resolved
 * references. Made from the referral rather than stored: writing it with each referral was a sixth of the embedded
 * database's insert work (bench).
 */
export function referralTask(referral: Referral, patientId: string, receivedAt: string): fhir4.Task {
  return {
    ...taskResource(referral, `Patient/${patientId}`, `ServiceRequest/${referral.id}`),
    id: referral.id,
    meta: { versionId: '1', lastUpdated: receivedAt },
  };
}

/**
 * The transaction response: one entry per request entry, in the request's order, with where each resource is.
 * `created` says 201 for a new ServiceRequest and Task, `patientCreated` for a new Patient; 200 when the conditional
 * create found them already there. Made again, byte for byte, for a repeat of the same delivery.
 */
export function transactionResponse(input: {
  order: EntryType[];
  referralId: string;
  patientId: string;
  created: boolean;
  patientCreated: boolean;
  taskVersion: number;
  lastModified: string;
}): fhir4.Bundle {
  const status = (created: boolean) => (created ? '201 Created' : '200 OK');
  const location = (type: EntryType) => {
    if (type === 'Patient') return `Patient/${input.patientId}/_history/1`;
    if (type === 'ServiceRequest') return `ServiceRequest/${input.referralId}/_history/1`;
    return `Task/${input.referralId}/_history/${input.taskVersion}`;
  };
  return {
    resourceType: 'Bundle',
    type: 'transaction-response',
    entry: input.order.map((type) => ({
      response: {
        status: status(type === 'Patient' ? input.patientCreated : input.created),
        location: location(type),
        etag: `W/"${type === 'Task' ? input.taskVersion : 1}"`,
        lastModified: input.lastModified,
      },
    })),
  };
}

/**
 * A repeat's body is compared by the hash of its bytes: the pad makes the Bundle as a pure function of the referral,
 * so a retry sends the same bytes.
 */
export function bodyHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
