import { createMiddleware } from 'hono/factory';

const ALLOW_METHODS = 'GET, POST, OPTIONS';
const ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key, If-None-Match';
const EXPOSE_HEADERS = 'ETag, Last-Modified, Location, Retry-After';

/**
 * CORS for the FHIR routes: the extensions' pages (and any `allowed` origin) may call them, with the bearer token and
 * no cookies. The headers are set as the response is made: hono/cors sets them on a response it creates before the
 * route runs, which cost about 100 µs of each delivery's CPU (bench), most of what the HTTP layer spends.
 */
export function fhirCors(allowed: (origin: string) => boolean) {
  return createMiddleware(async (c, next) => {
    const origin = c.req.header('Origin');
    const allow = origin !== undefined && allowed(origin);
    if (c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') !== undefined) {
      const headers: Record<string, string> = { Vary: 'Origin' };
      if (allow)
        Object.assign(headers, {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': ALLOW_METHODS,
          'Access-Control-Allow-Headers': ALLOW_HEADERS,
          'Access-Control-Max-Age': '600',
        });
      return c.body(null, 204, headers);
    }
    c.header('Vary', 'Origin');
    if (allow) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
    await next();
  });
}
