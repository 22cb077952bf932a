import { z } from 'zod';
import { type fhir4, LINK_WORKER_STATUSES } from '../fhir';
import { messageBackSchema } from '../fhir/read-message-back';

/**
 * queued: waiting to be sent (or to be retried); sending: claimed by a drain until `leaseUntil`;
 * delivered: the queue service confirmed it (2xx); needs-attention: the service refused it (4xx) — kept, never retried
 * by itself, shown to the referrer with the service's reason.
 */
export const OUTBOX_STATUSES = ['queued', 'sending', 'delivered', 'needs-attention'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

const linkWorkerStatusSchema = z.object({
  status: z.enum(LINK_WORKER_STATUSES),
  reason: z.string().optional(),
  note: z.string().optional(),
  redirectTo: z.string().optional(),
  updatedAt: z.string(),
});

/** One step of a referral's status trail: kept after the identifiable details are removed. */
export const trailStepSchema = z.object({
  at: z.number(),
  status: z.union([z.enum(OUTBOX_STATUSES), z.enum(LINK_WORKER_STATUSES)]),
});
export type TrailStep = z.output<typeof trailStepSchema>;

/** A row as it is stored: every time is epoch milliseconds (indexable, cheap to compare). */
export const outboxRowSchema = z.object({
  /** The referral's UUID: also the Idempotency-Key of every POST of it. */
  id: z.uuid(),
  status: z.enum(OUTBOX_STATUSES),
  /** For the pad's lists; removed with the Bundle at retention. */
  nhsNumber: z.string().optional(),
  patientName: z.string().optional(),
  /** The referring practice (ODS code) and the needs' codes: not identifiable, kept for the practice's list. */
  practice: z.string(),
  needs: z.array(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.number(),
  /** While `sending`: the claim is this drain's until then; afterwards any drain may claim the row again. */
  leaseUntil: z.number().optional(),
  /** Which claim holds the row, so a late answer to an expired claim cannot overwrite a newer outcome. */
  claim: z.string().optional(),
  lastError: z.string().optional(),
  /** The service asked for no retry before this (`Retry-After` on 429/503): kept even when the network comes back. */
  notBefore: z.number().optional(),
  deliveredAt: z.number().optional(),
  /** The queue service's ids, from the transaction-response. */
  serviceRequestId: z.string().optional(),
  taskId: z.string().optional(),
  linkWorker: linkWorkerStatusSchema.optional(),
  /** What the service says of the case (where it stands, no response yet, the outcome at closing), as last read. */
  messageBack: messageBackSchema.optional(),
  /** When the Task is next polled; absent once the link worker's status is final. */
  pollAt: z.number().optional(),
  polls: z.number().int().min(0),
  /** When the identifiable details were removed (retention). */
  redactedAt: z.number().optional(),
  trail: z.array(trailStepSchema),
});
export type OutboxRow = z.output<typeof outboxRowSchema>;

/** The FHIR transaction Bundle, built once at enqueue so every retry sends the same body. Removed at retention. */
export type StoredBundle = { id: string; bundle: fhir4.Bundle };
