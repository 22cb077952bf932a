// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '../../app/options/connection';
import { issueToken, revokeToken } from '../../server/store/practices';
import { type Queue, startQueue } from '../../test-support/queue/queue';

/** The real queue service over HTTP (PGlite in memory), as the options page reaches it. */
let queue: Queue;
/** A real HTTP server on 127.0.0.1 answering as things that are not the queue do. */
let other: Server;
let otherBase: string;

beforeAll(async () => {
  queue = await startQueue('pglite');
  other = createServer((request, response) => {
    if (request.url === '/slow/metadata') return; // never answers
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<html>a web page</html>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
}, 120_000); // the embedded database's first start

afterAll(async () => {
  other?.closeAllConnections();
  await new Promise((resolve) => (other ? other.close(resolve) : resolve(undefined)));
  await queue?.stop();
});

describe('Test connection, against the real queue', () => {
  it('says which practice the token speaks for', async () => {
    expect(await testConnection(`${queue.url}/fhir`, queue.tokens.L81001)).toEqual({
      ok: true,
      message: 'Connected as Riverside Surgery (L81001).',
    });
    expect((await testConnection(`${queue.url}/fhir/`, queue.tokens.Y02345)).message).toBe(
      'Connected as Hillside Health Centre (Y02345).',
    );
  });

  it('says the queue refused a wrong token, and a revoked one', async () => {
    const refused = 'The queue refused this practice’s token (HTTP 401)';
    const wrong = await testConnection(`${queue.url}/fhir`, 'spq_not-a-token-this-queue-issued');
    expect(wrong.ok).toBe(false);
    expect(wrong.message).toContain(refused);
    const issued = await issueToken(queue.db, 'M85001');
    expect((await testConnection(`${queue.url}/fhir`, issued.token)).ok).toBe(true);
    await revokeToken(queue.db, issued.id, new Date());
    expect((await testConnection(`${queue.url}/fhir`, issued.token)).message).toContain(refused);
  });

  it('says what answered at a wrong path, and where the FHIR address usually is', async () => {
    const result = await testConnection(queue.url, queue.tokens.L81001);
    expect(result).toEqual({
      ok: false,
      message: `Something answered at ${queue.url}/metadata (HTTP 404 Not Found, text/plain), but not the queue’s FHIR service. Check the endpoint: the queue’s FHIR address usually ends in /fhir (for example ${queue.url}/fhir).`,
    });
  });
});

describe('Test connection, where there is no queue', () => {
  it('says what answered instead', async () => {
    expect((await testConnection(`${otherBase}/fhir`, 't')).message).toBe(
      `Something answered at ${otherBase}/fhir/metadata (HTTP 200 OK, text/html), but not the queue’s FHIR service. Check the endpoint with the queue’s administrator.`,
    );
  });

  it('says when nothing answers, or not in time', async () => {
    expect((await testConnection('http://127.0.0.1:1', 't')).message).toMatch(/^Could not reach the queue/);
    expect((await testConnection(`${otherBase}/slow`, 't', { timeoutMs: 200 })).message).toMatch(
      /no answer in 0.2 seconds/,
    );
  });
});
