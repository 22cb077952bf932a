import { Hono } from 'hono';
import { adminRoutes } from './admin/routes';
import type { Service } from './context';
import { outcome } from './fhir/operation-outcome';
import { fhirRoutes } from './fhir/routes';
import { inboxRoutes } from './inbox/routes';
import { reportRoutes } from './reports/routes';
import { serviceRoutes } from './services/routes';

/**
 * The queue service as a Hono app over a database: FHIR for practices under /fhir, the link worker's inbox under
 * /inbox, the service lead's pages under /inbox/service, a service's reports under /inbox/reports. No state of its own, so any number of processes can serve one PostgreSQL.
 */
export function createApp(service: Service) {
  const app = new Hono();
  // On every response, errors and redirects included. HSTS always: the service speaks plain HTTP behind whatever
  // terminates TLS, so it cannot tell how the browser came; browsers ignore the header over HTTP (RFC 6797 8.1),
  // and over HTTPS it keeps them from ever using HTTP to this host again.
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Strict-Transport-Security', 'max-age=31536000');
  });
  app.route('/fhir', fhirRoutes(service));
  // Before the inbox: a service page's own handlers answer first, with their larger body limit for a model file.
  app.route('/inbox/service', serviceRoutes(service));
  app.route('/inbox/reports', reportRoutes(service));
  app.route('/inbox', inboxRoutes(service));
  if (service.adminSecret) app.route('/admin', adminRoutes(service.db, service.adminSecret));
  app.get('/', (c) => c.redirect('/inbox', 302));

  app.notFound((c) =>
    c.req.path.startsWith('/fhir')
      ? outcome(c, 404, [
          {
            code: 'not-supported',
            message: `${c.req.method} ${c.req.path} is not supported here; see /fhir/metadata.`,
          },
        ])
      : c.text('Not found.', 404),
  );

  // Never a stack trace to the caller, and nothing from the request in the log: it may hold patient details.
  app.onError((error, c) => {
    console.error(`queue: ${c.req.method} ${c.req.path} failed: ${error.name}`);
    return c.req.path.startsWith('/fhir')
      ? outcome(c, 500, [
          {
            code: 'exception',
            message:
              'The service could not handle this request. Send it again: a repeat with the same Idempotency-Key is safe.',
          },
        ])
      : c.text('Something went wrong. Try again.', 500);
  });
  return app;
}
