import { hashPassword } from '../auth/passwords';
import { newSecret, secretHash } from '../auth/secrets';
import type { Queryable } from './db';

export type LinkWorker = { username: string; displayName: string };
export type Session = { linkWorker: LinkWorker; csrfToken: string; expiresAt: Date };

export async function addLinkWorker(db: Queryable, account: LinkWorker & { password: string }): Promise<void> {
  await db.query('INSERT INTO link_worker (username, display_name, password_hash) VALUES ($1, $2, $3)', [
    account.username,
    account.displayName,
    await hashPassword(account.password),
  ]);
}

export async function linkWorkerCredentials(
  db: Queryable,
  username: string,
): Promise<(LinkWorker & { passwordHash: string; lockedUntil?: Date }) | undefined> {
  const rows = await db.query<{
    username: string;
    display_name: string;
    password_hash: string;
    locked_until: Date | null;
  }>('SELECT username, display_name, password_hash, locked_until FROM link_worker WHERE username = $1', [username]);
  const row = rows[0];
  return (
    row && {
      username: row.username,
      displayName: row.display_name,
      passwordHash: row.password_hash,
      ...(row.locked_until ? { lockedUntil: new Date(row.locked_until) } : {}),
    }
  );
}

/** Failed sign-ins in a row before the account waits, and how long it waits. */
export const SIGN_IN_ATTEMPTS = 5;
export const SIGN_IN_LOCK_MS = 15 * 60 * 1000;

/** Counts a failed sign-in; the fifth in a row locks the account for a while. */
export async function signInFailed(db: Queryable, username: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE link_worker SET failed_sign_ins = failed_sign_ins + 1,
       locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
     WHERE username = $1`,
    [username, SIGN_IN_ATTEMPTS, new Date(now.getTime() + SIGN_IN_LOCK_MS)],
  );
}

export async function signInSucceeded(db: Queryable, username: string): Promise<void> {
  await db.query('UPDATE link_worker SET failed_sign_ins = 0, locked_until = NULL WHERE username = $1', [username]);
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
  const rows = await db.query<{ username: string; display_name: string; csrf_token: string; expires_at: Date }>(
    `SELECT s.username, w.display_name, s.csrf_token, s.expires_at
     FROM link_worker_session s JOIN link_worker w ON w.username = s.username
     WHERE s.id_hash = $1 AND s.expires_at > $2`,
    [secretHash(id), now],
  );
  const row = rows[0];
  return (
    row && {
      linkWorker: { username: row.username, displayName: row.display_name },
      csrfToken: row.csrf_token,
      expiresAt: new Date(row.expires_at),
    }
  );
}

export async function endSession(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM link_worker_session WHERE id_hash = $1', [secretHash(id)]);
}
