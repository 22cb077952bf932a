import { Agent, createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { fhir4 } from '../../domain/fhir';
import { readBody } from './stand-in-queue';

/**
 * What the proxy does with the next POSTs (GETs, the status polls, always pass):
 * pass — forward to the queue and answer with its answer;
 * error — answer 500 without forwarding; flaky — answer 500 to a share of POSTs (`failShare`), forward the rest;
 * hang — accept and never answer (the client's timeout must act); swallow — forward (the queue stores it), never answer;
 * refuse — answer 422 with `refusal` as an OperationOutcome; throttle — answer `throttleStatus` (429) with
 * `Retry-After: <retryAfter>`. POSTs whose Idempotency-Key is in `failing` are answered 500 in any mode.
 * `down()` stops listening (connections are refused, as with a stopped queue) until `up()`.
 */
export type FaultMode = 'pass' | 'error' | 'flaky' | 'hang' | 'swallow' | 'refuse' | 'throttle';

export type FaultProxy = {
  url: string;
  mode: FaultMode;
  failShare: number;
  refusal: string;
  throttleStatus: number;
  retryAfter: string;
  /** Referrals (by Idempotency-Key) whose POSTs are answered 500 whatever the mode. */
  failing: Set<string>;
  /** POSTs passed on to the queue, per Idempotency-Key: what the receiving end was sent. */
  forwarded: Map<string, number>;
  /** POSTs the proxy answered 500 itself (error, flaky). */
  failed: number;
  /** POSTs that reached the proxy, by the mode they met. */
  seen: Record<FaultMode, number>;
  /** Resolves when the next POST arrives. */
  nextRequest: () => Promise<void>;
  down: () => Promise<void>;
  up: () => Promise<void>;
  close: () => Promise<void>;
};

/** What a queue that throttles (429 or 503, Retry-After) or refuses the referral (422, the service's reason) answers. */
function outcomeAnswer(proxy: FaultProxy, mode: 'throttle' | 'refuse') {
  const json = { 'content-type': 'application/fhir+json' };
  const outcome = (issue: fhir4.OperationOutcomeIssue): fhir4.OperationOutcome => ({
    resourceType: 'OperationOutcome',
    issue: [issue],
  });
  return mode === 'throttle'
    ? {
        status: proxy.throttleStatus,
        headers: { ...json, 'retry-after': proxy.retryAfter },
        outcome: outcome({ severity: 'error', code: 'throttled', diagnostics: 'Too many requests.' }),
      }
    : {
        status: 422,
        headers: json,
        outcome: outcome({ severity: 'error', code: 'business-rule', details: { text: proxy.refusal } }),
      };
}

export async function startFaultProxy(upstream: string, { port = 0, random = Math.random } = {}): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  const waiting: Array<() => void> = [];
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true });

  const proxy: FaultProxy = {
    url: '',
    mode: 'pass',
    failShare: 0.3,
    refusal: 'The practice is not registered with this service.',
    throttleStatus: 429,
    retryAfter: '120',
    failing: new Set(),
    failed: 0,
    forwarded: new Map(),
    seen: { pass: 0, error: 0, flaky: 0, hang: 0, swallow: 0, refuse: 0, throttle: 0 },
    nextRequest: () => new Promise((resolve) => waiting.push(resolve)),
    down: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    up: () => new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve)),
    close: async () => {
      await proxy.down();
      agent.destroy();
    },
  };

  const server: Server = createServer(async (incoming, outgoing) => {
    // Faults are for sending referrals (POSTs); the status polls (GETs) always pass.
    const mode = incoming.method === 'POST' ? proxy.mode : 'pass';
    const body = await readBody(incoming);
    if (incoming.method === 'POST') {
      proxy.seen[mode]++;
      for (const resolve of waiting.splice(0)) resolve();
    }
    // flaky fails POSTs only (sending referrals); the status polls pass.
    const key = incoming.headers['idempotency-key'];
    const fail =
      mode === 'error' ||
      (mode === 'flaky' && incoming.method === 'POST' && random() < proxy.failShare) ||
      (incoming.method === 'POST' && typeof key === 'string' && proxy.failing.has(key));
    if (fail) proxy.failed++;
    if (fail) return outgoing.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
    if (mode === 'hang') return;
    if (mode === 'throttle' || mode === 'refuse') {
      const answer = outcomeAnswer(proxy, mode);
      return outgoing.writeHead(answer.status, answer.headers).end(JSON.stringify(answer.outcome));
    }
    if (incoming.method === 'POST' && typeof key === 'string') {
      proxy.forwarded.set(key, (proxy.forwarded.get(key) ?? 0) + 1);
    }
    const upstreamRequest = forward(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target.host },
        agent,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          if (mode === 'swallow') return;
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(chunks));
        });
      },
    );
    upstreamRequest.on('error', () => outgoing.writeHead(502).end());
    upstreamRequest.end(body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const listenPort = (server.address() as AddressInfo).port;
  proxy.url = `http://127.0.0.1:${listenPort}/`;
  return proxy;
}
