import { hashPassword } from '../auth/passwords';
import { newSecret, secretHash } from '../auth/secrets';
import { audit, COMMAND_LINE } from './audit';
import { releaseCases } from './caseload/accounts';
import type { Db, Queryable } from './db';

export type LinkWorker = { username: string; displayName: string };
/** A commissioner reads a service's reports only (migration 013): no referral, no inbox. */
export const LINK_WORKER_ROLES = ['link-worker', 'service-lead', 'commissioner'] as const;
export type LinkWorkerRole = (typeof LINK_WORKER_ROLES)[number];
export type Session = {
  linkWorker: LinkWorker;
  administrator: boolean;
  /** The service whose referrals the account sees; none: the whole queue (accounts from before services). */
  serviceId?: string;
  role: LinkWorkerRole;
  csrfToken: string;
  expiresAt: Date;
};

/** Adds an account, recorded in the audit as added by `by`. */
export async function addLinkWorker(
  db: Queryable,
  account: LinkWorker & { password: string; administrator?: boolean; serviceId?: string; role?: LinkWorkerRole },
  by = COMMAND_LINE,
): Promise<void> {
  await db.query(
    `WITH added AS (
       INSERT INTO link_worker (username, display_name, password_hash, administrator, service_id, role)
       VALUES ($1, $2, $3, $4, $6, $7) RETURNING username, service_id, role)
     INSERT INTO audit_event (at, actor, action, detail)
     SELECT now(), $5, 'link-worker-added', username || coalesce(' (' || role || ' of ' || service_id || ')', '') FROM added`,
    [
      account.username,
      account.displayName,
      await hashPassword(account.password),
      account.administrator ?? false,
      by,
      account.serviceId ?? null,
      account.role ?? 'link-worker',
    ],
  );
}

export async function linkWorkerCredentials(
  db: Queryable,
  username: string,
): Promise<(LinkWorker & { passwordHash: string; disabled: boolean }) | undefined> {
  const rows = await db.query<{
    username: string;
    display_name: string;
    password_hash: string;
    disabled_at: Date | null;
  }>('SELECT username, display_name, password_hash, disabled_at FROM link_worker WHERE username = $1', [username]);
  const row = rows[0];
  return (
    row && {
      username: row.username,
      displayName: row.display_name,
      passwordHash: row.password_hash,
      disabled: row.disabled_at !== null,
    }
  );
}

/** Sign-ins in a row that were not right before the username waits, and how long it waits. */
export const SIGN_IN_ATTEMPTS = 5;
export const SIGN_IN_LOCK_MS = 15 * 60 * 1000;

/**
 * Reserves one sign-in attempt for a username (an account or not) before its password is checked: counted as a
 * failure until `signInSucceeded` says otherwise, so however many arrive at once, at most SIGN_IN_ATTEMPTS are
 * checked before the lock. The attempt that reaches the limit locks the username; one after the lock ends starts
 * again from one. False: locked, check nothing.
 */
export async function reserveSignIn(db: Queryable, username: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO sign_in_attempt AS a (username, attempts, locked_until, last_at) VALUES ($1, 1, NULL, $2)
     ON CONFLICT (username) DO UPDATE SET
       attempts = CASE WHEN a.locked_until <= $2 THEN 1 ELSE a.attempts + 1 END,
       locked_until = CASE WHEN a.locked_until <= $2 THEN NULL
                           WHEN a.attempts + 1 >= $3 THEN $4::timestamptz ELSE NULL END,
       last_at = $2
     WHERE a.locked_until IS NULL OR a.locked_until <= $2
     RETURNING attempts`,
    [username, now, SIGN_IN_ATTEMPTS, new Date(now.getTime() + SIGN_IN_LOCK_MS)],
  );
  return rows.length > 0;
}

/** The right password: the attempts in a row start again, and any lock the reserved attempts set is lifted. */
export async function signInSucceeded(db: Queryable, username: string): Promise<void> {
  await db.query('UPDATE sign_in_attempt SET attempts = 0, locked_until = NULL WHERE username = $1', [username]);
}

/**
 * Disables an account: it cannot sign in, and its sessions end now (deleted, and never read for a disabled account);
 * its open referrals go back to Unassigned (releaseCases). With `serviceId` (a service lead's page), only an account of
 * that service. False when there is no such account, or it was disabled already.
 */
export async function disableLinkWorker(
  db: Db,
  username: string,
  at: Date,
  by = COMMAND_LINE,
  serviceId?: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      `UPDATE link_worker SET disabled_at = $2
       WHERE username = $1 AND disabled_at IS NULL AND ($3::text IS NULL OR service_id = $3) RETURNING username`,
      [username, at, serviceId ?? null],
    );
    if (rows.length === 0) return false;
    await tx.query('DELETE FROM link_worker_session WHERE username = $1', [username]);
    await audit(tx, { at, actor: by, action: 'link-worker-disabled', detail: username });
    await releaseCases(tx, username, by, at);
    return true;
  });
}

/** A new session: the returned id goes in the cookie; the database keeps only its hash. */
export async function startSession(
  db: Queryable,
  username: string,
  now: Date,
  lifetimeMs: number,
): Promise<{ id: string; csrfToken: string; expiresAt: Date }> {
  const id = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  await db.query(
    'INSERT INTO link_worker_session (id_hash, username, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [secretHash(id), username, csrfToken, now, expiresAt],
  );
  return { id, csrfToken, expiresAt };
}

export async function sessionFor(db: Queryable, id: string, now: Date): Promise<Session | undefined> {
  const rows = await db.query<{
    username: string;
    display_name: string;
    administrator: boolean;
    service_id: string | null;
    role: LinkWorkerRole;
    csrf_token: string;
    expires_at: Date;
  }>(
    `SELECT s.username, w.display_name, w.administrator, w.service_id, w.role, s.csrf_token, s.expires_at
     FROM link_worker_session s JOIN link_worker w ON w.username = s.username
     WHERE s.id_hash = $1 AND s.expires_at > $2 AND w.disabled_at IS NULL`,
    [secretHash(id), now],
  );
  const row = rows[0];
  return (
    row && {
      linkWorker: { username: row.username, displayName: row.display_name },
      administrator: row.administrator,
      ...(row.service_id ? { serviceId: row.service_id } : {}),
      role: row.role,
      csrfToken: row.csrf_token,
      expiresAt: new Date(row.expires_at),
    }
  );
}

export async function endSession(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM link_worker_session WHERE id_hash = $1', [secretHash(id)]);
}

export type ServiceLinkWorker = LinkWorker & { role: LinkWorkerRole; disabled: boolean };

/** The accounts of a service, for its lead: enabled first, then by name. */
export async function serviceLinkWorkers(db: Queryable, serviceId: string): Promise<ServiceLinkWorker[]> {
  const rows = await db.query<{ username: string; display_name: string; role: LinkWorkerRole; disabled: boolean }>(
    `SELECT username, display_name, role, disabled_at IS NOT NULL AS disabled FROM link_worker WHERE service_id = $1
     ORDER BY disabled, display_name, username`,
    [serviceId],
  );
  return rows.map((row) => ({
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled,
  }));
}

/**
 * Enables a disabled account again, audited. With `serviceId` (a service lead's page), only an account of that
 * service. False when there is no such account or it was not disabled.
 */
export async function enableLinkWorker(
  db: Queryable,
  username: string,
  at: Date,
  by = COMMAND_LINE,
  serviceId?: string,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE link_worker SET disabled_at = NULL
     WHERE username = $1 AND disabled_at IS NOT NULL AND ($2::text IS NULL OR service_id = $2) RETURNING username`,
    [username, serviceId ?? null],
  );
  if (rows.length > 0) await audit(db, { at, actor: by, action: 'link-worker-enabled', detail: username });
  return rows.length > 0;
}
