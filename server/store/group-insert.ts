import type { fhir4 } from '../../domain/fhir';
import type { Db } from './db';
import { type Arrival, insertReferrals } from './referrals';

const MOST = 64;

/**
 * Group commit: referrals that arrive while a write is under way are stored together by the next one, so that under
 * load the database does one statement for many referrals, and an idle service writes each at once. Holds only
 * what is in flight; each caller learns whether its own referral was stored.
 */
export function groupInsert(db: Db, now: () => Date): (arrival: Arrival) => Promise<fhir4.Bundle | undefined> {
  type Waiting = {
    arrival: Arrival;
    done: (response: fhir4.Bundle | undefined) => void;
    fail: (error: unknown) => void;
  };
  const waiting: Waiting[] = [];
  let writing = false;

  async function write(batch: Waiting[]): Promise<void> {
    // A referral twice in one batch (a retry racing the first send) is written once; the other copy is answered
    // as a repeat, after this write, like any other.
    const ids = new Set<string>();
    const keys = new Set<string>();
    const first = batch.filter(({ arrival }) => {
      const key = arrival.idempotencyKey === undefined ? undefined : `${arrival.odsCode}|${arrival.idempotencyKey}`;
      if (ids.has(arrival.referral.id) || (key !== undefined && keys.has(key))) return false;
      ids.add(arrival.referral.id);
      if (key !== undefined) keys.add(key);
      return true;
    });
    try {
      const stored = await insertReferrals(
        db,
        first.map((item) => item.arrival),
        now(),
      );
      for (const item of batch) item.done(first.includes(item) ? stored.get(item.arrival.referral.id) : undefined);
    } catch (error) {
      // One bad row must not fail its neighbours: each is tried alone.
      if (batch.length === 1) batch[0]?.fail(error);
      else for (const item of batch) await write([item]);
    }
  }

  async function drain(): Promise<void> {
    try {
      while (waiting.length > 0) await write(waiting.splice(0, MOST));
    } finally {
      writing = false;
    }
  }

  return (arrival) =>
    new Promise((done, fail) => {
      waiting.push({ arrival, done, fail });
      // Start on the next turn of the event loop, not this one: the requests already read by now join this write.
      if (!writing) {
        writing = true;
        setImmediate(() => void drain());
      }
    });
}
