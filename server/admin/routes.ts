import { createHash, timingSafeEqual } from 'node:crypto';
import { isIPv4 } from 'node:net';
import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import type { Db } from '../store/db';
import { commandSchema, runCommand, UsageError } from './commands';

const same = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/** From this machine: the loopback interface, or the address the service listens on reached from itself. */
function fromThisMachine(env: Partial<HttpBindings> | undefined): boolean {
  const socket = env?.incoming?.socket;
  const remote = socket?.remoteAddress?.replace(/^::ffff:/, '');
  if (!remote) return false;
  const loopback = remote === '::1' || (isIPv4(remote) && remote.startsWith('127.'));
  return loopback || remote === socket?.localAddress?.replace(/^::ffff:/, '');
}

/**
 * The operator's commands (server/admin/commands.ts) on the running service, so that they use its database — the
 * embedded one has one owner — and take effect at once: `POST /admin/command`, a command as JSON with
 * `Authorization: Bearer <the secret in the data directory's lock>`. Only from this machine and never through a
 * proxy (one that adds forwarding headers): anything else is 404, as though there were no such route.
 */
export function adminRoutes(db: Db, secret: string) {
  const app = new Hono<{ Bindings: HttpBindings }>();
  app.use(async (c, next) => {
    const forwarded = ['forwarded', 'x-forwarded-for', 'x-real-ip'].some((name) => c.req.header(name) !== undefined);
    if (forwarded || !fromThisMachine(c.env)) return c.text('Not found.', 404);
    const given = /^Bearer (\S+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
    if (!given || !same(given, secret)) return c.json({ error: 'The admin secret is missing or wrong.' }, 401);
    await next();
  });
  app.post('/command', async (c) => {
    const parsed = commandSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: 'Not a command this service knows.' }, 400);
    try {
      return c.json({ output: await runCommand(db, parsed.data) });
    } catch (error) {
      // Said to the operator, who holds the secret: what failed (a practice not added yet, a username taken).
      if (error instanceof UsageError) return c.json({ error: error.message }, 400);
      return c.json({ error: `The command failed: ${(error as Error).message}` }, 500);
    }
  });
  return app;
}
