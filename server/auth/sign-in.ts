import type { Service } from '../context';
import { audit, UNKNOWN_USERNAME } from '../store/audit';
import { linkWorkerCredentials, reserveSignIn, signInSucceeded, startSession } from '../store/link-workers';
import { checkDecoy, passwordMatches } from './passwords';

export type SignIn =
  | { kind: 'signed-in'; session: { id: string; csrfToken: string; expiresAt: Date } }
  /** The username or the password is wrong (never which). */
  | { kind: 'refused' }
  /** Too many tries for this username in a row, known or not. */
  | { kind: 'locked' }
  /** The right password for an account an administrator has disabled. */
  | { kind: 'disabled' };

/** Usernames are at most 64 characters; what is typed is cut here, so that it keys one attempt row of bounded size. */
const LONGEST = 200;

/**
 * A link worker's sign-in. An attempt is reserved before the password is checked, so parallel tries cannot outrun the
 * lock; an unknown username takes the same steps (a reserved attempt, an argon2 check of a decoy) and gets the same
 * answers, so neither the answer nor its time tells which usernames exist. Every outcome is audited.
 */
export async function signIn(
  service: Service,
  form: { username: string; password: string; address: string },
): Promise<SignIn> {
  const { db } = service;
  const username = form.username.slice(0, LONGEST);
  const now = service.now();
  const [account, reserved] = await Promise.all([
    linkWorkerCredentials(db, username),
    reserveSignIn(db, username, now),
  ]);
  const event = { at: now, actor: account?.username ?? UNKNOWN_USERNAME, address: form.address };
  if (!reserved) {
    await audit(db, { ...event, action: 'sign-in-locked' });
    return { kind: 'locked' };
  }
  const right = account ? await passwordMatches(account.passwordHash, form.password) : await checkDecoy(form.password);
  if (!account || !right) {
    await audit(db, { ...event, action: 'sign-in-refused', detail: 'wrong username or password' });
    return { kind: 'refused' };
  }
  if (account.disabled) {
    await audit(db, { ...event, action: 'sign-in-refused', detail: 'account disabled' });
    return { kind: 'disabled' };
  }
  await signInSucceeded(db, username);
  const session = await startSession(db, account.username, service.now(), service.sessionLifetimeMs);
  await audit(db, { ...event, action: 'signed-in' });
  return { kind: 'signed-in', session };
}
