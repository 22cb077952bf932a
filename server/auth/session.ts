import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Service } from '../context';
import { type Session, sessionFor } from '../store/link-workers';

export const SESSION_COOKIE = 'sp_session';
export const COOKIE_PATH = '/inbox';

export type InboxVariables = { Variables: { session: Session } };

/** A cookie on http://127.0.0.1 (the demo, the tests) cannot be Secure; anywhere else it is. */
export function secureCookies(c: Context): boolean {
  const host = new URL(c.req.url).hostname;
  return !['127.0.0.1', 'localhost', '[::1]'].includes(host);
}

/**
 * Inbox routes accept a link worker's session cookie and nothing else: a practice's bearer token is never read here.
 * Without a live session, a page redirects to sign-in and a form post is refused.
 */
export function requireSession(service: Service) {
  return createMiddleware<InboxVariables>(async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE);
    const session = id ? await sessionFor(service.db, id, service.now()) : undefined;
    if (!session) {
      if (c.req.method === 'GET') return c.redirect(`${COOKIE_PATH}/login`, 303);
      return c.text('Your session has ended: sign in again.', 401);
    }
    c.set('session', session);
    await next();
  });
}

/**
 * Cross-site request forgery: a form post must come from a page of this service (Sec-Fetch-Site, else Origin
 * against Host), on top of SameSite=Strict cookies and, once signed in, the session's own token in every form.
 */
export function sameOriginPosts() {
  return createMiddleware(async (c, next) => {
    if (c.req.method === 'POST') {
      const site = c.req.header('Sec-Fetch-Site');
      const origin = c.req.header('Origin');
      const host = c.req.header('Host');
      const sameSite = site ? site === 'same-origin' : host !== undefined && hostOf(origin) === host;
      if (!sameSite) return c.text('This form must be sent from the inbox itself.', 403);
    }
    await next();
  });
}

function hostOf(origin: string | undefined): string | undefined {
  try {
    return origin ? new URL(origin).host : undefined;
  } catch {
    return undefined;
  }
}
