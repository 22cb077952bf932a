import { createMiddleware } from 'hono/factory';
import type { Service } from '../context';
import { outcome } from '../fhir/operation-outcome';
import { practiceForToken } from '../store/practices';

export type PracticeVariables = { Variables: { odsCode: string } };

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="fhir"' };

/**
 * FHIR routes accept a practice bearer token and nothing else: a link worker's session cookie is never read here,
 * so a page a link worker has open cannot make the browser act as a practice.
 */
export function requirePracticeToken(service: Service) {
  return createMiddleware<PracticeVariables>(async (c, next) => {
    const header = c.req.header('Authorization');
    if (!header)
      return outcome(
        c,
        401,
        [{ code: 'login', message: 'A practice token is needed: Authorization: Bearer <token>.' }],
        CHALLENGE,
      );
    const match = /^Bearer +([A-Za-z0-9._~+/=-]+)$/.exec(header);
    const odsCode = match?.[1] ? await practiceForToken(service.db, match[1], service.now()) : undefined;
    if (!odsCode)
      return outcome(
        c,
        401,
        [{ code: 'login', message: 'The practice token is not known, or it has expired or been revoked.' }],
        CHALLENGE,
      );
    c.set('odsCode', odsCode);
    await next();
  });
}
