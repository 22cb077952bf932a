import { Dexie } from 'dexie';
import { sentEnding } from '../../../domain/evaluation/check-ending';
import { referralToBundle } from '../../../domain/fhir';
import type { OutboxRow, StoredBundle } from '../../../domain/outbox/row';
import type { Referral } from '../../../domain/referral';
import { sentCheck } from './counts';
import { type OutboxDb, outbox } from './db';

export class OutboxUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      'This browser cannot store referrals here (a private window, or storage is turned off), so the referral was not saved. ' +
        'Use a normal window to send it.',
      { cause },
    );
    this.name = 'OutboxUnavailableError';
  }
}

/** Whether the outbox can be written here; the pad disables Send (and says why) when it cannot. */
export async function outboxAvailable(db: OutboxDb = outbox()): Promise<boolean> {
  try {
    await db.open();
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves the referral in the outbox and resolves once the write is committed to disk (strict durability): only then may
 * the pad say "Saved"; the caller then starts a drain. Enqueueing the same referral again changes nothing.
 * Rejects with OutboxUnavailableError when IndexedDB cannot be used.
 */
export async function enqueueReferral(
  referral: Referral,
  {
    db = outbox(),
    now = Date.now(),
    countCheck = false,
  }: {
    db?: OutboxDb;
    now?: number;
    /** The practice shares counts: the check's sent ending is written with the row, in its transaction (HEC5). */
    countCheck?: boolean;
  } = {},
): Promise<OutboxRow> {
  const { row, bundle } = queuedRow(referral, now);
  try {
    await db.open();
  } catch (error) {
    throw new OutboxUnavailableError(error);
  }
  try {
    // Both writes go to IndexedDB at once (no read first): one round trip and the commit.
    await db.transaction('rw', db.referrals, db.bundles, db.checks, () =>
      Promise.all([
        db.referrals.add(row),
        db.bundles.add(bundle),
        ...(countCheck ? [db.checks.put(sentCheck(sentEnding(referral), now))] : []),
      ]),
    );
    return row;
  } catch (error) {
    // Already in the outbox (the transaction aborted, nothing was written): that row, as it is now.
    const existing = isTaken(error) ? await db.referrals.get(row.id) : undefined;
    if (existing) return existing;
    throw error;
  }
}

function isTaken(error: unknown): boolean {
  return error instanceof Dexie.ConstraintError || (error as { name?: string })?.name === 'ConstraintError';
}

/** The outbox row a referral starts as (queued, due now) and its Bundle, built once for every retry to send unchanged. */
export function queuedRow(referral: Referral, now: number): { row: OutboxRow; bundle: StoredBundle } {
  const row: OutboxRow = {
    id: referral.id,
    status: 'queued',
    nhsNumber: referral.patient.nhsNumber,
    patientName: `${referral.patient.given} ${referral.patient.family}`,
    practice: referral.referrer.odsCode,
    needs: [...referral.needs],
    createdAt: now,
    updatedAt: now,
    attempts: 0,
    nextAttemptAt: now,
    polls: 0,
    trail: [{ at: now, status: 'queued' }],
  };
  return { row, bundle: { id: referral.id, bundle: referralToBundle(referral) } };
}
