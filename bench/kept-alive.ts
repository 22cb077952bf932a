import { once } from 'node:events';
import { connect } from 'node:net';

/**
 * One kept-alive HTTP/1.1 connection that sends requests prepared as bytes, one at a time, and gives each answer's
 * status. The load generator shares this 2-core machine with the service it measures, and node:http's client cost
 * about 0.2 ms of CPU a request (a fifth of the machine at the service's pace), taken from the service; this costs a
 * fraction of that. Real clients are on other machines. Answers must carry a Content-Length (the queue's do).
 */
export async function keptAlive(url: URL): Promise<{ send: (request: Buffer) => Promise<number>; close: () => void }> {
  const socket = connect(Number(url.port), url.hostname);
  socket.setNoDelay(true);
  await once(socket, 'connect');
  let waiting: { resolve: (status: number) => void; reject: (error: Error) => void } | undefined;
  let buffered: Buffer = Buffer.alloc(0);
  const settle = (outcome: number | Error) => {
    const current = waiting;
    waiting = undefined;
    if (outcome instanceof Error) current?.reject(outcome);
    else current?.resolve(outcome);
  };
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length > 0 ? Buffer.concat([buffered, chunk]) : chunk;
    const headEnd = buffered.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = buffered.subarray(0, headEnd).toString('latin1');
    const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
    if (length === undefined) return settle(new Error(`an answer without a Content-Length: ${head.split('\r\n')[0]}`));
    const end = headEnd + 4 + Number(length);
    if (buffered.length < end) return;
    buffered = buffered.subarray(end);
    settle(Number(head.slice(9, 12)));
  });
  socket.on('error', (error) => settle(error));
  socket.on('close', () => settle(new Error('the service closed the connection')));
  return {
    send: (request) =>
      new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        socket.write(request);
      }),
    close: () => socket.destroy(),
  };
}

/** A POST as the extension's outbox sends a referral, as the bytes that go on the wire. */
export function referralPost(url: URL, token: string, id: string, body: string): Buffer {
  const bytes = Buffer.from(body);
  const head = [
    `POST ${url.pathname} HTTP/1.1`,
    `Host: ${url.host}`,
    `Authorization: Bearer ${token}`,
    'Content-Type: application/fhir+json',
    `Content-Length: ${bytes.length}`,
    `Idempotency-Key: ${id}`,
    // What the extension's background sends, so that the CORS headers are made as for the pad.
    'Origin: chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
}
