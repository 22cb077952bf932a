// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '../../app/options/connection';

/** A real HTTP server on 127.0.0.1 answering as queues (and things that are not queues) do. */
let server: Server;
let base: string;
const seenAuth: (string | undefined)[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seenAuth.push(request.headers.authorization);
    const send = (status: number, body: string) => {
      response.writeHead(status, { 'content-type': 'application/fhir+json' });
      response.end(body);
    };
    if (request.url === '/fhir/metadata')
      return send(
        200,
        JSON.stringify({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1', software: { name: 'Queue' } }),
      );
    if (request.url === '/locked/metadata') return send(401, '{}');
    if (request.url === '/broken/metadata') return send(500, '{}');
    if (request.url === '/slow/metadata') return; // never answers
    return send(200, '<html>a web page</html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('testing the connection to the queue', () => {
  it('says connected, with the FHIR version, and sends the token', async () => {
    const result = await testConnection(`${base}/fhir/`, 'practice-token');
    expect(result).toEqual({
      ok: true,
      message:
        'Connected: the queue answered (Queue, FHIR 4.0.1). The token itself is checked with the first referral sent.',
    });
    expect(seenAuth.at(-1)).toBe('Bearer practice-token');
  });

  it('says plainly when the token is refused, the queue fails, or it is not a queue', async () => {
    expect((await testConnection(`${base}/locked`, 't')).message).toMatch(/refused the practice token \(HTTP 401\)/);
    expect((await testConnection(`${base}/broken`, 't')).message).toMatch(/HTTP 500/);
    expect((await testConnection(`${base}/elsewhere`, 't')).message).toMatch(/not a FHIR queue/);
  });

  it('says when nothing answers, or not in time', async () => {
    expect((await testConnection('http://127.0.0.1:1', 't')).message).toMatch(/^Could not reach the queue/);
    expect((await testConnection(`${base}/slow`, 't', { timeoutMs: 200 })).message).toMatch(/no answer in 0.2 seconds/);
  });
});
