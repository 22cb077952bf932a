import { randomBytes } from 'node:crypto';
import { newSecret, secretHash } from '../auth/secrets';
import { COMMAND_LINE } from './audit';
import type { Queryable } from './db';

export type Practice = { odsCode: string; name: string };
export type IssuedToken = { id: string; odsCode: string; token: string; expiresAt?: string };
export type TokenInfo = {
  id: string;
  odsCode: string;
  label: string;
  createdAt: string;
  expiresAt?: string;
  revokedAt?: string;
};

export async function addPractice(db: Queryable, practice: Practice): Promise<void> {
  await db.query('INSERT INTO practice (ods_code, name) VALUES ($1, $2)', [practice.odsCode, practice.name]);
}

export async function listPractices(db: Queryable): Promise<Practice[]> {
  const rows = await db.query<{ ods_code: string; name: string }>(
    'SELECT ods_code, name FROM practice ORDER BY ods_code',
  );
  return rows.map((row) => ({ odsCode: row.ods_code, name: row.name }));
}

/**
 * A new bearer token for a practice, recorded in the audit (its id, never the token). The token itself is returned
 * once and never stored; `token` may be given to seed a known demo token.
 */
export async function issueToken(
  db: Queryable,
  odsCode: string,
  options: { label?: string; expiresAt?: Date; token?: string; by?: string } = {},
): Promise<IssuedToken> {
  const token = options.token ?? newSecret('spq_');
  const id = randomBytes(6).toString('hex');
  const rows = await db.query(
    `WITH issued AS (
       INSERT INTO practice_token (id, ods_code, token_hash, label, expires_at)
       SELECT $1, ods_code, $3, $4, $5 FROM practice WHERE ods_code = $2 RETURNING id, ods_code)
     INSERT INTO audit_event (at, actor, action, detail)
     SELECT now(), $6, 'token-issued', 'token ' || id || ' for ' || ods_code FROM issued RETURNING id`,
    [id, odsCode, secretHash(token), options.label ?? '', options.expiresAt ?? null, options.by ?? COMMAND_LINE],
  );
  if (rows.length === 0) throw new Error(`No practice with ODS code ${odsCode}: add it first.`);
  return { id, odsCode, token, ...(options.expiresAt ? { expiresAt: options.expiresAt.toISOString() } : {}) };
}

export async function revokeToken(db: Queryable, id: string, at: Date, by = COMMAND_LINE): Promise<boolean> {
  const rows = await db.query(
    `WITH revoked AS (
       UPDATE practice_token SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id, ods_code)
     INSERT INTO audit_event (at, actor, action, detail)
     SELECT $2, $3, 'token-revoked', 'token ' || id || ' for ' || ods_code FROM revoked RETURNING id`,
    [id, at, by],
  );
  return rows.length > 0;
}

export async function listTokens(db: Queryable): Promise<TokenInfo[]> {
  const rows = await db.query<{
    id: string;
    ods_code: string;
    label: string;
    created_at: Date;
    expires_at: Date | null;
    revoked_at: Date | null;
  }>('SELECT id, ods_code, label, created_at, expires_at, revoked_at FROM practice_token ORDER BY created_at');
  return rows.map((row) => ({
    id: row.id,
    odsCode: row.ods_code,
    label: row.label,
    createdAt: new Date(row.created_at).toISOString(),
    ...(row.expires_at ? { expiresAt: new Date(row.expires_at).toISOString() } : {}),
    ...(row.revoked_at ? { revokedAt: new Date(row.revoked_at).toISOString() } : {}),
  }));
}

/** The practice a bearer token speaks for, if the token is known, not revoked and not expired at `now`. */
export async function practiceForToken(db: Queryable, token: string, now: Date): Promise<string | undefined> {
  const rows = await db.query<{ ods_code: string }>(
    `SELECT ods_code FROM practice_token
     WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)`,
    [secretHash(token), now],
  );
  return rows[0]?.ods_code;
}
