import type { Queryable } from './db';

/** What the audit records. Each row is written once and never changed (migration 008 refuses updates and deletes). */
export type AuditAction =
  | 'signed-in'
  | 'sign-in-refused'
  | 'sign-in-locked'
  | 'signed-out'
  | 'viewed-referral'
  | 'decided'
  | 'token-issued'
  | 'token-revoked'
  | 'link-worker-added'
  | 'link-worker-disabled'
  | 'link-worker-enabled'
  | 'case-assigned'
  | 'case-event-added'
  | 'details-removed'
  | 'service-added'
  | 'service-changed'
  | 'model-proposed'
  | 'model-agreed'
  | 'model-sent-back';

export type AuditEvent = {
  at: Date;
  /** A link worker's username, or who acted outside the inbox ("command line", "retention"). */
  actor: string;
  action: AuditAction;
  referralId?: string;
  detail?: string;
  /** The client address of a request to the inbox. */
  address?: string;
};

/** Who acted when a command is run on the server itself. */
export const COMMAND_LINE = 'command line';
/** An unknown username is not recorded as typed: it may be a password typed in the wrong box. */
export const UNKNOWN_USERNAME = '(unknown username)';

export async function audit(db: Queryable, event: AuditEvent): Promise<void> {
  await db.query(
    'INSERT INTO audit_event (at, actor, action, referral_id, detail, address) VALUES ($1, $2, $3, $4, $5, $6)',
    [event.at, event.actor, event.action, event.referralId ?? null, event.detail ?? '', event.address ?? ''],
  );
}

export type AuditRow = AuditEvent & { id: number };

/** The trail, newest first, a page at a time: `before` is the id of the last row of the page before. */
export async function auditTrail(
  db: Queryable,
  options: { before?: number; actor?: string; referralId?: string; limit?: number } = {},
): Promise<AuditRow[]> {
  const rows = await db.query<{
    id: string | number;
    at: Date;
    actor: string;
    action: AuditAction;
    referral_id: string | null;
    detail: string;
    address: string;
  }>(
    `SELECT id, at, actor, action, referral_id, detail, address FROM audit_event
     WHERE ($1::bigint IS NULL OR id < $1) AND ($2::text IS NULL OR actor = $2) AND ($3::uuid IS NULL OR referral_id = $3)
     ORDER BY id DESC LIMIT $4`,
    [options.before ?? null, options.actor ?? null, options.referralId ?? null, options.limit ?? 100],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    at: new Date(row.at),
    actor: row.actor,
    action: row.action,
    ...(row.referral_id ? { referralId: row.referral_id } : {}),
    ...(row.detail ? { detail: row.detail } : {}),
    ...(row.address ? { address: row.address } : {}),
  }));
}
