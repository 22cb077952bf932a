import { request } from 'node:http';

/**
 * Node's own HTTP for code under test that takes a `fetch`, in the happy-dom environment: happy-dom's fetch applies the
 * page's same-origin policy, which the extension's background (an extension origin with host permissions) does not meet.
 * Enough of fetch for the outbox: method, headers, a string body, an abort signal; the answer as a Response.
 */
export const nodeFetch: typeof fetch = (input, init = {}) =>
  new Promise((resolve, reject) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const outgoing = request(
      url,
      {
        method: init.method ?? 'GET',
        headers: Object.fromEntries(new Headers(init.headers)),
        signal: init.signal ?? undefined,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const status = incoming.statusCode ?? 502;
          const body = [204, 205, 304].includes(status) ? null : Buffer.concat(chunks).toString('utf8');
          resolve(new Response(body, { status }));
        });
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(typeof init.body === 'string' ? init.body : undefined);
  });
