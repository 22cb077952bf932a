import type { CheckEnded } from '../evaluation/check-ending';
import type { fhir4 } from '../fhir';
import type { OutboxStatus } from './row';

/**
 * A check as the background keeps it until its day is sealed: how it ended (the latest the pad said, or sent), and the
 * UK day it ended on. Keyed by the referral's id so that a check is counted once however often the pad reports it.
 */
export type StoredCheck = CheckEnded & {
  day: string;
  /** Sent: its ending is final, and no later report from a pad changes it (nor counts it again). */
  final: boolean;
  /** When its day was sealed into a batch (kept a while after, so a late report of a sent check is not counted). */
  sealedAt?: number;
};

/**
 * One practice's counts of one day, as sealed: the MeasureReport built once, sent under `key` (its Idempotency-Key)
 * until the queue has it. Statuses as the referrals' rows: queued, sending (claimed until `leaseUntil`), delivered,
 * needs-attention (the queue refused it: kept, with its reason, never sent again by itself).
 */
export type CountBatch = {
  key: string;
  odsCode: string;
  day: string;
  report: fhir4.MeasureReport;
  status: OutboxStatus;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  leaseUntil?: number;
  claim?: string;
  notBefore?: number;
  lastError?: string;
  deliveredAt?: number;
};
