import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { fhir4 } from '../../domain/fhir';
import { BOUNDARIED_VCSE_MODEL } from '../../domain/model/examples';
import { referralSchema } from '../../domain/referral';
import { service } from '../../server/context';
import { startDemoQueue } from '../../server/demo';
import { startServer } from '../../server/serve';
import { openDb } from '../../server/store/open';
import { richReferral } from '../../test-support/fixtures/referrals';
import { cli, command, scratchDataDir, serve } from '../../test-support/queue/command-line';
import { type PostgresServer, startPostgres } from '../../test-support/queue/postgres-server';
import { send, signIn } from '../../test-support/queue/queue';

/** The password the link worker sam is added with on the command line. */
const SAMS_PASSWORD = 'a long enough password';

/** The demo service (demo/demo-service.json) and the example model, agreed on the command line as version 1. */
const AGREE = [
  ['add-service', 'demo/demo-service.json'],
  [
    'agree-model',
    'kingsmead-connect',
    'B82005',
    'domain/model/examples/boundaried-vcse.json',
    '--practice-party',
    'Dr Asha Patel, GP partner, Moorside Practice',
    '--service-party',
    'Sam Okafor, Service lead, Kingsmead Community Trust',
  ],
];

/** A referral from the practice, under a model version agreed with it: version 1 of the service's on the command line, or the demo's. */
function post(url: string, token: string, odsCode: string, version = 1) {
  const referral = referralSchema.parse({
    ...richReferral,
    id: crypto.randomUUID(),
    referrer: { ...richReferral.referrer, odsCode },
    verdict: { ...richReferral.verdict, modelId: BOUNDARIED_VCSE_MODEL.id, modelVersion: version },
    ...(version === 1 ? { serviceId: 'kingsmead-connect' } : {}),
  });
  return send({ url }, referral, token);
}

describe('the command line, on a real PostgreSQL', () => {
  let postgres: PostgresServer;
  beforeAll(async () => {
    postgres = await startPostgres();
    const admin = new pg.Client({ connectionString: postgres.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE cli');
    await admin.end();
  });
  afterAll(async () => {
    await postgres?.stop();
  });

  it('adds a practice, issues a token that works once, revokes it, adds a link worker who can sign in, and disables them', async () => {
    const env = { DATABASE_URL: postgres.url('cli') };
    expect(await cli(['add-practice', 'b82005', 'Moorside', 'Practice'], env)).toContain('Added practice B82005.');
    const issued = await cli(['issue-token', 'B82005', '--label', 'reception'], env);
    const [, id] = /^Token ([0-9a-f]+) for B82005/.exec(issued) ?? [];
    const token = issued.trim().split('\n').at(-1) ?? '';
    expect(id).toBeDefined();
    expect(await cli(['add-link-worker', 'sam', 'Sam', 'Okafor'], env, `${SAMS_PASSWORD}\n`)).toBe(
      'Added link worker sam.\n',
    );
    expect((await command(['add-practice', 'not an ods code', 'x'], env)).stderr).toMatch(/^Usage: add-practice/);
    expect(await cli(AGREE[0] as string[], env)).toBe('Added service kingsmead-connect.\n');
    expect(await cli(AGREE[1] as string[], env)).toBe("Agreed version 1 of kingsmead-connect's model with B82005.\n");

    const db = await openDb({ databaseUrl: env.DATABASE_URL });
    const server = await startServer(service(db), { port: 0, hostname: '127.0.0.1' });
    try {
      expect((await post(server.url, token, 'B82005')).status).toBe(200);
      const signedIn = await signIn({ url: server.url }, SAMS_PASSWORD, 'sam');
      expect(signedIn.status).toBe(303);

      expect(await cli(['revoke-token', id as string], env)).toBe(`Revoked ${id}.\n`);
      expect(await cli(['list-tokens'], env)).toMatch(new RegExp(`^${id}\\tB82005\\treception\\t.*\\trevoked$`, 'm'));
      expect((await post(server.url, token, 'B82005')).status).toBe(401);

      const session = signedIn.headers.get('set-cookie')?.split(';')[0] ?? '';
      expect(await cli(['disable-link-worker', 'sam'], env)).toBe('Disabled sam; their sessions have ended.\n');
      const inbox = await fetch(`${server.url}/inbox`, { headers: { Cookie: session }, redirect: 'manual' });
      expect(inbox.status).toBe(303);
      const again = await signIn({ url: server.url }, SAMS_PASSWORD, 'sam');
      expect(again.status).toBe(403);
      const trail = await db.query<{ action: string; actor: string }>(
        "SELECT action, actor FROM audit_event WHERE action NOT IN ('signed-in') ORDER BY id",
      );
      expect(trail).toEqual([
        { action: 'token-issued', actor: 'command line' },
        { action: 'link-worker-added', actor: 'command line' },
        { action: 'service-added', actor: 'command line' },
        { action: 'model-proposed', actor: 'command line' },
        { action: 'model-agreed', actor: 'command line' },
        { action: 'token-revoked', actor: 'command line' },
        { action: 'link-worker-disabled', actor: 'command line' },
        { action: 'sign-in-refused', actor: 'sam' },
      ]);
    } finally {
      await server.close();
      await db.close();
    }
  });
});

describe('the command line on the embedded database while `serve` owns it', () => {
  const scratch = scratchDataDir('queue-owner-');
  const env = { QUEUE_DATA_DIR: scratch.dir, QUEUE_READERS: '0' };

  // Several processes each start Node and TypeScript (and two the database): on a busy 2-core machine, minutes.
  it('refuses each command and another `serve` on the directory, naming the service; through the service (--via) each takes effect at once', {
    timeout: 240_000,
  }, async () => {
    const running = await serve(env);
    scratch.serving = running;
    try {
      const refusal = `The queue is running on this data directory (pid ${running.child.pid}); use the same command with \`--via ${running.url}\``;
      const refused = await Promise.all(
        [
          ['add-practice', 'B82005', 'Moorside'],
          ['issue-token', 'L81001'],
          ['revoke-token', 'abc'],
          ['add-link-worker', 'sam', 'Sam'],
        ].map((args) => command(args, env, SAMS_PASSWORD)),
      );
      for (const result of refused) expect([result.code, result.stderr]).toEqual([2, `${refusal} or stop it first.\n`]);
      await expect(serve(env)).rejects.toThrow(refusal);

      const via = ['--via', running.url];
      expect(await cli(['add-practice', 'B82005', 'Moorside', ...via], env)).toBe('Added practice B82005.\n');
      const issued = await cli(['issue-token', 'B82005', '--label', 'reception', ...via], env);
      const [, id] = /^Token ([0-9a-f]+) for B82005/.exec(issued) ?? [];
      const token = issued.trim().split('\n').at(-1) ?? '';
      for (const args of AGREE) await cli([...args, ...via], env);
      expect((await post(running.url, token, 'B82005')).status).toBe(200);
      expect(await cli(['add-link-worker', 'sam', 'Sam', 'Okafor', ...via], env, `${SAMS_PASSWORD}\n`)).toBe(
        'Added link worker sam.\n',
      );
      const signedIn = await signIn({ url: running.url }, SAMS_PASSWORD, 'sam');
      expect(signedIn.status).toBe(303);
      expect(await cli(['revoke-token', id as string, ...via], env)).toBe(`Revoked ${id}.\n`);
      expect((await post(running.url, token, 'B82005')).status).toBe(401);

      // The route takes only the secret the service wrote into the directory, and nothing through a proxy.
      const admin = (headers: Record<string, string>) =>
        fetch(`${running.url}/admin/command`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify({ command: 'list-tokens', args: [] }),
        });
      expect((await admin({ Authorization: 'Bearer guessed' })).status).toBe(401);
      expect((await admin({ Authorization: 'Bearer guessed', 'X-Forwarded-For': '203.0.113.7' })).status).toBe(404);
    } finally {
      running.child.kill('SIGTERM');
      await running.exited;
      scratch.serving = undefined;
    }
    // Stopped, it has let the directory go.
    expect(await cli(['list-tokens'], env)).toMatch(/\treception\t.*\trevoked$/m);
  });
});

describe('npm start’s queue, on the embedded database in a data directory', () => {
  const { dir } = scratchDataDir('queue-demo-');

  it('takes the demo practice’s referrals with the token the extension’s demo settings hold, keeps them across restarts, and `serve` refuses them', {
    timeout: 240_000,
  }, async () => {
    const first = await startDemoQueue({ dataDir: dir, port: 0 });
    const { queue, practice } = first.settings;
    try {
      expect((await post(first.url, queue.token, practice.odsCode, BOUNDARIED_VCSE_MODEL.version)).status).toBe(200);
    } finally {
      await first.close();
    }
    // Started again on the same directory: seeded once, the referral still there.
    const second = await startDemoQueue({ dataDir: dir, port: 0 });
    try {
      expect((await post(second.url, queue.token, practice.odsCode, BOUNDARIED_VCSE_MODEL.version)).status).toBe(200);
      const metadata = (await (await fetch(`${second.url}/fhir/metadata`)).json()) as fhir4.CapabilityStatement;
      expect(metadata.resourceType).toBe('CapabilityStatement');
    } finally {
      await second.close();
    }
    // `serve` will not run on it: the demo's token and password are published.
    await expect(serve({ QUEUE_DATA_DIR: dir })).rejects.toThrow(
      /accepts credentials anyone can read in demo\/demo-settings.json: the demo practice token and the link worker "demo" with the demo password and the service lead "lead" with the demo password/,
    );
    const db = await openDb({ dataDir: dir });
    try {
      const count = async (table: string) =>
        (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n;
      // Seeded once: one practice, one token, the link worker and the service lead.
      expect([await count('practice'), await count('practice_token'), await count('link_worker')]).toEqual([1, 1, 2]);
      expect(await count('referral')).toBe(2);
    } finally {
      await db.close();
    }
  });
});
