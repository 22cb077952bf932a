import { type fhir4, isFinal, type LinkWorkerStatus } from '../../domain/fhir';
import { type Referral, referralSchema } from '../../domain/referral';
import { arrivalDue, fixArrivalDue } from './caseload/arrival-due';
import type { Queryable } from './db';
import { type EntryType, referralTask, transactionResponse } from './fhir-answers';

type Status = LinkWorkerStatus['status'];

/** A referral read from its Bundle, ready to store. */
export type Arrival = {
  odsCode: string;
  /** The SHA-256 of the bearer token it came with: stored only if that token is live and speaks for `odsCode`. */
  tokenHash: string;
  idempotencyKey?: string;
  bodyHash: string;
  patientId: string;
  referral: Referral;
  /** The service it goes to, under a version agreed with its practice (checked before it is stored). */
  serviceId: string;
  receivedAt: Date;
  /** The Bundle's entries in its order: the response answers in the same order. */
  order: EntryType[];
};

export type Repeat =
  | { kind: 'replayed'; response: fhir4.Bundle }
  | { kind: 'exists'; patientId: string; version: number; lastModified: string }
  | { kind: 'key-conflict' }
  /** The id is another referral's: another practice's, or this practice's with other content. Not told apart. */
  | { kind: 'id-taken' };

/**
 * Stores new referrals in one statement, whatever their number (the service gathers the referrals that arrive
 * together). Each row carries its idempotency record, so a repeat hits the primary key or the (practice, key)
 * constraint and is skipped, and concurrent deliveries of one referral wait on the same index entry rather than
 * racing. A row is stored only if its token is live and speaks for its practice: the usual delivery is one
 * statement, authentication included. Gives the response of each referral stored; the others are told apart by
 * `repeatOf`.
 */
export async function insertReferrals(
  db: Queryable,
  arrivals: Arrival[],
  now: Date,
): Promise<Map<string, fhir4.Bundle>> {
  const rows = arrivals.map((arrival) => ({
    id: arrival.referral.id,
    ods_code: arrival.odsCode,
    token_hash: arrival.tokenHash,
    idempotency_key: arrival.idempotencyKey ?? null,
    body_hash: arrival.bodyHash,
    patient_id: arrival.patientId,
    nhs_number: arrival.referral.patient.nhsNumber,
    received_at: arrival.receivedAt.toISOString(),
    needs: arrival.referral.needs,
    safety_flags: Object.entries(arrival.referral.safety)
      .filter(([, present]) => present)
      .map(([flag]) => flag),
    verdict_outcome: arrival.referral.verdict.outcome,
    referral: arrival.referral,
    service_id: arrival.serviceId,
    inbox_order: inboxOrder(arrival.receivedAt, Object.values(arrival.referral.safety).some(Boolean)),
    ...arrivalDue(db, arrival.serviceId, arrival.receivedAt),
  }));
  // The Task and the response are not written: both are made from the row (storedTask, firstResponse).
  // Due days (migration 011) computed with the service's rule as last read, stored only if it is still the rule.
  const inserted = await db.query<{ id: string; patient_created: boolean; due_missing: boolean }>(
    `INSERT INTO referral (id, ods_code, idempotency_key, body_hash, patient_id, nhs_number, received_at, status,
       needs, safety_flags, verdict_outcome, referral, patient_created, inbox_order, service_id, decision_due,
       contact_due)
     SELECT r.id, r.ods_code, r.idempotency_key, r.body_hash, r.patient_id, r.nhs_number, r.received_at, 'requested',
       r.needs, r.safety_flags, r.verdict_outcome, r.referral,
       NOT EXISTS (SELECT 1 FROM referral x WHERE x.ods_code = r.ods_code AND x.nhs_number = r.nhs_number),
       r.inbox_order, r.service_id,
       CASE WHEN s.response_rule IS NOT DISTINCT FROM r.rule_seen THEN r.decision_due END,
       CASE WHEN s.response_rule IS NOT DISTINCT FROM r.rule_seen THEN r.contact_due END
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, ods_code text, token_hash text, idempotency_key text,
       body_hash text, patient_id uuid, nhs_number text, received_at timestamptz, needs text[], safety_flags text[],
       verdict_outcome text, referral jsonb, inbox_order bigint, service_id text, rule_seen jsonb, decision_due date,
       contact_due date)
     LEFT JOIN service s ON s.id = r.service_id
     WHERE EXISTS (SELECT 1 FROM practice_token t WHERE t.token_hash = r.token_hash AND t.ods_code = r.ods_code
       AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2))
     ON CONFLICT DO NOTHING
     RETURNING id, patient_created, decision_due IS NULL AS due_missing`,
    [JSON.stringify(rows), now],
  );
  const byId = new Map(arrivals.map((arrival) => [arrival.referral.id, arrival]));
  await fixArrivalDue(
    db,
    inserted
      .filter((row) => row.due_missing)
      .map((row) => {
        const arrival = byId.get(row.id) as Arrival;
        return { id: row.id, serviceId: arrival.serviceId, receivedAt: arrival.receivedAt };
      }),
  );
  return new Map(
    inserted.map((row) => {
      const arrival = byId.get(row.id) as Arrival;
      return [row.id, firstResponse(arrival.order, row.id, arrival.patientId, row.patient_created, arrival.receivedAt)];
    }),
  );
}

/**
 * Where a referral stands in the inbox's order (migration 005): those with a safety flag first, newest first, then
 * the rest, oldest first.
 */
export function inboxOrder(receivedAt: Date, flagged: boolean): number {
  return flagged ? -receivedAt.getTime() : receivedAt.getTime();
}

/** The response a first delivery got: made from what its row keeps, so a repeat gets the same bytes. */
function firstResponse(
  order: EntryType[],
  referralId: string,
  patientId: string,
  patientCreated: boolean,
  receivedAt: Date,
): fhir4.Bundle {
  return transactionResponse({
    order,
    referralId,
    patientId,
    created: true,
    patientCreated,
    taskVersion: 1,
    lastModified: receivedAt.toISOString(),
  });
}

/** The columns a row's Task is read from (`storedTask`). */
export const TASK_COLUMNS = 'task, referral, patient_id, received_at';
export type TaskColumns = { task: fhir4.Task | null; referral: unknown; patient_id: string; received_at: Date };

/**
 * The Task a row's referral has now: the one stored once a link worker has changed it (or by a version that stored
 * every Task), else the one the referral asks for.
 */
export function storedTask(row: TaskColumns): fhir4.Task {
  return (
    row.task ??
    referralTask(referralSchema.parse(row.referral), row.patient_id, new Date(row.received_at).toISOString())
  );
}

/**
 * A referral that was not stored because it was there already: the same key and body (replay the first response),
 * the same key with another body (refused), the same referral under another key or none (a conditional create
 * that finds it), or its id taken by other content (refused). Call it once the token is known to speak for the referral's practice.
 */
export async function repeatOf(db: Queryable, arrival: Arrival): Promise<Repeat> {
  const existing = await db.query<
    {
      id: string;
      ods_code: string;
      idempotency_key: string | null;
      body_hash: string;
      version: number;
      response: fhir4.Bundle | null;
      patient_created: boolean | null;
    } & TaskColumns
  >(
    `SELECT id, ods_code, idempotency_key, body_hash, version, response, patient_created, ${TASK_COLUMNS} FROM referral
     WHERE id = $1 OR (ods_code = $2 AND idempotency_key = $3)`,
    [arrival.referral.id, arrival.odsCode, arrival.idempotencyKey ?? null],
  );
  const byKey = existing.find(
    (row) =>
      arrival.idempotencyKey !== undefined &&
      row.ods_code === arrival.odsCode &&
      row.idempotency_key === arrival.idempotencyKey,
  );
  if (byKey)
    return byKey.body_hash === arrival.bodyHash
      ? {
          kind: 'replayed',
          // The same bytes mean the same Bundle, so the same entry order as the first delivery.
          response:
            byKey.response ??
            firstResponse(
              arrival.order,
              byKey.id,
              byKey.patient_id,
              byKey.patient_created === true,
              new Date(byKey.received_at),
            ),
        }
      : { kind: 'key-conflict' };
  const byId = existing.find((row) => row.id === arrival.referral.id);
  if (!byId) throw new Error('A referral was not stored, yet no row stands in its way.');
  if (byId.ods_code !== arrival.odsCode || byId.body_hash !== arrival.bodyHash) return { kind: 'id-taken' };
  return {
    kind: 'exists',
    patientId: byId.patient_id,
    version: byId.version,
    lastModified: storedTask(byId).lastModified ?? arrival.receivedAt.toISOString(),
  };
}

export type ReferralSummary = {
  id: string;
  odsCode: string;
  practiceName: string;
  receivedAt: string;
  status: Status;
  version: number;
  referral: Referral;
};

const SUMMARY_COLUMNS = `r.id, r.ods_code, p.name AS practice_name, r.received_at, r.status, r.version, r.referral`;
type SummaryRow = {
  id: string;
  ods_code: string;
  practice_name: string;
  received_at: Date;
  status: Status;
  version: number;
  referral: unknown;
};

function summary(row: SummaryRow): ReferralSummary {
  return {
    id: row.id,
    odsCode: row.ods_code,
    practiceName: row.practice_name,
    receivedAt: new Date(row.received_at).toISOString(),
    status: row.status,
    version: row.version,
    referral: referralSchema.parse(row.referral),
  };
}

export type DecisionRecord = {
  status: Status;
  reason?: string;
  note?: string;
  redirectTo?: string;
  byUsername: string;
  byName: string;
  at: string;
};

/** One referral, if it is in `serviceId`'s inbox (or any, with none): another service's is not there. */
export async function referralDetail(
  db: Queryable,
  id: string,
  serviceId?: string,
): Promise<(ReferralSummary & { task: fhir4.Task; decisions: DecisionRecord[] }) | undefined> {
  const rows = await db.query<SummaryRow & TaskColumns>(
    `SELECT ${SUMMARY_COLUMNS}, r.task, r.patient_id FROM referral r JOIN practice p ON p.ods_code = r.ods_code
     WHERE r.id = $1 AND r.details_removed_at IS NULL AND ($2::text IS NULL OR r.service_id = $2)`,
    [id, serviceId ?? null],
  );
  const row = rows[0];
  if (!row) return undefined;
  const decisions = await db.query<{
    status: Status;
    reason: string | null;
    note: string | null;
    redirect_to: string | null;
    by_username: string;
    by_name: string;
    at: Date;
  }>(
    'SELECT status, reason, note, redirect_to, by_username, by_name, at FROM decision WHERE referral_id = $1 ORDER BY id',
    [id],
  );
  return {
    ...summary(row),
    task: storedTask(row),
    decisions: decisions.map((d) => ({
      status: d.status,
      ...(d.reason ? { reason: d.reason } : {}),
      ...(d.note ? { note: d.note } : {}),
      ...(d.redirect_to ? { redirectTo: d.redirect_to } : {}),
      byUsername: d.by_username,
      byName: d.by_name,
      at: new Date(d.at).toISOString(),
    })),
  };
}

export type DecisionOutcome =
  | { kind: 'decided'; task: fhir4.Task }
  | { kind: 'not-found' }
  | { kind: 'stale'; status: Status }
  | { kind: 'final'; status: Status };

/**
 * Records a link worker's decision: the Task the referrer reads changes and the audit row is written in one
 * transaction. `seenVersion` is the version the link worker decided on: if someone else decided since, nothing changes.
 */
export async function recordDecision(
  db: { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> },
  input: {
    id: string;
    /** The deciding link worker's service: another service's referral is not found. */
    serviceId?: string;
    seenVersion: number;
    decision: { status: Status; reason?: string; note?: string; redirectTo?: string; at: string };
    by: { username: string; displayName: string };
    apply: (task: fhir4.Task) => fhir4.Task;
  },
): Promise<DecisionOutcome> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<TaskColumns & { version: number; status: Status }>(
      `SELECT ${TASK_COLUMNS}, version, status FROM referral
       WHERE id = $1 AND ($2::text IS NULL OR service_id = $2) FOR UPDATE`,
      [input.id, input.serviceId ?? null],
    );
    const row = rows[0];
    if (!row) return { kind: 'not-found' };
    if (row.version !== input.seenVersion) return { kind: 'stale', status: row.status };
    if (isFinal(row.status)) return { kind: 'final', status: row.status };
    const task = input.apply(storedTask(row));
    const { decision } = input;
    // The caseload's columns (migration 011): when it was first decided, first contacted, closed.
    await tx.query(
      `UPDATE referral SET task = $2, status = $3, version = version + 1,
         decided_at = coalesce(decided_at, $4::timestamptz),
         first_contact_at = CASE WHEN $3 = 'contacted' THEN coalesce(first_contact_at, $4::timestamptz)
           ELSE first_contact_at END,
         closed_at = CASE WHEN $5 THEN $4::timestamptz END
       WHERE id = $1`,
      [input.id, JSON.stringify(task), decision.status, decision.at, isFinal(decision.status)],
    );
    await tx.query(
      `INSERT INTO decision (referral_id, status, reason, note, redirect_to, by_username, by_name, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        input.id,
        decision.status,
        decision.reason ?? null,
        decision.note ?? null,
        decision.redirectTo ?? null,
        input.by.username,
        input.by.displayName,
        decision.at,
      ],
    );
    return { kind: 'decided', task };
  });
}
