import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Service } from '../context';
import { outcome } from '../fhir/operation-outcome';
import { practiceForToken } from '../store/practices';

export type PracticeVariables = { Variables: { odsCode: string } };

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="fhir"' };

/** The token in an `Authorization: Bearer …` header, if it has one of the right form. */
export function bearerToken(header: string | undefined): string | undefined {
  return header ? /^Bearer +([A-Za-z0-9._~+/=-]+)$/.exec(header)?.[1] : undefined;
}

/** 401, saying whether the token was missing or not accepted. */
export function refuseToken(c: Context, given: string | undefined) {
  return outcome(
    c,
    401,
    [
      given
        ? { code: 'login', message: 'The practice token is not known, or it has expired or been revoked.' }
        : { code: 'login', message: 'A practice token is needed: Authorization: Bearer <token>.' },
    ],
    CHALLENGE,
  );
}

/**
 * FHIR routes accept a practice bearer token and nothing else: a link worker's session cookie is never read here,
 * so a page a link worker has open cannot make the browser act as a practice.
 */
export function requirePracticeToken(service: Service) {
  return createMiddleware<PracticeVariables>(async (c, next) => {
    const header = c.req.header('Authorization');
    const token = bearerToken(header);
    const odsCode = token ? await practiceForToken(service.db, token, service.now()) : undefined;
    if (!odsCode) return refuseToken(c, header);
    c.set('odsCode', odsCode);
    await next();
  });
}
