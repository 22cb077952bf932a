import { request } from 'node:http';
import pg from 'pg';
import { type fhir4, referralToBundle } from '../../domain/fhir';
import type { Referral } from '../../domain/referral';
import { type Service, service } from '../../server/context';
import { type ReadDelivery, startReaders } from '../../server/fhir/readers';
import { type RunningServer, startServer } from '../../server/serve';
import type { Db } from '../../server/store/db';
import { addLinkWorker } from '../../server/store/link-workers';
import { openDb } from '../../server/store/open';
import { addPractice, issueToken } from '../../server/store/practices';
import type { PostgresServer } from './postgres-server';
import { seedServices } from './services';

export const LINK_WORKER = { username: 'rosa', displayName: 'Rosa Link Worker', password: 'correct horse battery' };

export type Queue = {
  url: string;
  db: Db;
  tokens: { L81001: string; Y02345: string; M85001: string };
  /** Moves the service's clock on (sessions, token expiry). */
  advance: (ms: number) => void;
  stop: () => Promise<void>;
};

let databases = 0;

/**
 * The real queue service over HTTP on 127.0.0.1, on the embedded database in memory or on a fresh database in the
 * given PostgreSQL server, with three practices (each with a token) and one link worker.
 */
export async function startQueue(
  store: 'pglite' | { postgres: PostgresServer },
  options: {
    maxBodyBytes?: number;
    rateLimit?: { perMinute: number; burst: number };
    addressLimits?: Service['addressLimits'];
    readers?: number;
    /** Reads deliveries in place of the reader threads (a test that needs a delivery no real reader would pass). */
    read?: ReadDelivery;
  } = {},
) {
  let databaseUrl: string | undefined;
  if (store !== 'pglite') {
    const name = `queue_${process.pid}_${++databases}`;
    const admin = new pg.Client({ connectionString: store.postgres.url() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    databaseUrl = store.postgres.url(name);
  }
  const db = await openDb(databaseUrl ? { databaseUrl } : { dataDir: 'memory' });
  const tokens = {} as Queue['tokens'];
  for (const [ods, name] of [
    ['L81001', 'Riverside Surgery'],
    ['Y02345', 'Hillside Health Centre'],
    ['M85001', 'Canal Street Practice'],
  ] as const) {
    await addPractice(db, { odsCode: ods, name });
    tokens[ods] = (await issueToken(db, ods)).token;
  }
  await seedServices(db);
  await addLinkWorker(db, LINK_WORKER);
  let offset = 0;
  // Bundles are read on a reader thread, as `npm start` reads them on a machine with two cores.
  const { readers: count = 1, ...rest } = options;
  const readers = startReaders(count);
  const server: RunningServer = await startServer(
    service(db, { now: () => new Date(Date.now() + offset), read: readers.read, ...rest }),
    { port: 0, hostname: '127.0.0.1' },
  );
  return {
    url: server.url,
    db,
    tokens,
    advance: (ms: number) => {
      offset += ms;
    },
    async stop() {
      await server.close();
      await readers.close();
      await db.close();
    },
  } satisfies Queue;
}

export function bundleBody(referral: Referral): string {
  return JSON.stringify(referralToBundle(referral));
}

/** POSTs a body to /fhir as the extension's outbox does. */
/** Where to post: a started queue, or only the address of one (a `serve` process), whose token is then given. */
type PostTo = Pick<Queue, 'url'> & Partial<Pick<Queue, 'tokens'>>;

export function postBundle(
  queue: PostTo,
  body: string,
  options: { token?: string | null; key?: string | null; contentType?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': options.contentType ?? 'application/fhir+json' };
  if (options.token !== null) headers.Authorization = `Bearer ${options.token ?? queue.tokens?.L81001}`;
  if (options.key) headers['Idempotency-Key'] = options.key;
  return fetch(`${queue.url}/fhir`, { method: 'POST', body, headers });
}

export function send(queue: PostTo, referral: Referral, token?: string): Promise<Response> {
  return postBundle(queue, bundleBody(referral), { key: referral.id, ...(token ? { token } : {}) });
}

export async function readTask(queue: Queue, id: string, token: string): Promise<Response> {
  return fetch(`${queue.url}/fhir/Task/${id}`, { headers: { Authorization: `Bearer ${token}` } });
}

export async function storedReferrals(queue: Queue): Promise<number> {
  const rows = await queue.db.query<{ n: number }>('SELECT count(*)::int AS n FROM referral');
  return rows[0]?.n ?? -1;
}

export type Outcome = fhir4.OperationOutcome;

/** Signs in as the link worker (or another), as a browser on the inbox page would; gives the session cookie. */
export async function signIn(
  queue: Pick<Queue, 'url'>,
  password = LINK_WORKER.password,
  username = LINK_WORKER.username,
): Promise<Response> {
  return fetch(`${queue.url}/inbox/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin' },
    body: new URLSearchParams({ username, password }),
  });
}

/**
 * A request to the queue from another loopback address (127.0.0.2, …), as from another computer: for the limits kept
 * per client address. Gives the status, headers and body text.
 */
export function requestFrom(
  localAddress: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: init.method ?? 'GET', headers: init.headers, localAddress }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () =>
        resolve({
          status: incoming.statusCode ?? 0,
          headers: incoming.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

export function cookieOf(response: Response): string {
  const cookie = response.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}

/** The session's CSRF token, read from a page's form as a browser would see it. */
export async function csrfFrom(queue: Queue, cookie: string, path = '/inbox'): Promise<string> {
  const page = await (await fetch(`${queue.url}${path}`, { headers: { Cookie: cookie } })).text();
  return /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
}

export function decide(
  queue: Queue,
  cookie: string,
  id: string,
  form: Record<string, string>,
  headers: Record<string, string> = { 'Sec-Fetch-Site': 'same-origin' },
): Promise<Response> {
  return fetch(`${queue.url}/inbox/referrals/${id}/decision`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, ...headers },
    body: new URLSearchParams(form),
  });
}
