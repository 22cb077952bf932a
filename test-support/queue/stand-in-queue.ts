import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyDecision, bundleToReferral, type fhir4 } from '../../domain/fhir';

/**
 * A queue that behaves like the link worker's queue service on the wire (until the real one is merged in): POST / takes
 * a transaction Bundle with a practice token and an Idempotency-Key, stores it once, answers a repeat with the
 * original answer and the same key with another body with 422; GET /Task/:id. It counts every POST per key, so a test
 * can say what the receiving end saw.
 */
export type StandInQueue = {
  url: string;
  token: string;
  /** POSTs that reached it, per Idempotency-Key (repeats included). */
  posts: Map<string, number>;
  /** Referral ids in the order the queue created them: a referral created twice would appear twice. */
  created: string[];
  /** Referrals stored, by referral id: one each, however often they were sent. */
  stored: Map<string, { bundle: fhir4.Bundle; taskId: string; serviceRequestId: string }>;
  decide: (referralId: string, decision: Parameters<typeof applyDecision>[1]) => void;
  /** Changes a referral's Task as the real queue would (a case event through taskWithCase, GET through taskAsRead). */
  changeTask: (referralId: string, change: (task: fhir4.Task) => fhir4.Task) => void;
  close: () => Promise<void>;
};

export async function startStandInQueue({ port = 0, token = 'practice-token-L81001' } = {}): Promise<StandInQueue> {
  const posts = new Map<string, number>();
  const stored: StandInQueue['stored'] = new Map();
  const created: string[] = [];
  const answers = new Map<string, { body: string; status: number; answer: string }>();
  const tasks = new Map<string, fhir4.Task>();
  let next = 1;

  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    if (request.headers.authorization !== `Bearer ${token}`)
      return send(response, 401, outcome('Unknown practice token.'));
    const task = request.url?.match(/^\/Task\/([^/?]+)$/);
    if (request.method === 'GET' && task) {
      const found = tasks.get(decodeURIComponent(task[1] as string));
      return found ? send(response, 200, found) : send(response, 404, outcome('No such Task.'));
    }
    if (request.method !== 'POST' || request.url !== '/') return send(response, 404, outcome('Not found.'));
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string') return send(response, 400, outcome('The Idempotency-Key header is missing.'));
    posts.set(key, (posts.get(key) ?? 0) + 1);
    const earlier = answers.get(key);
    if (earlier) {
      if (earlier.body !== body) return send(response, 422, outcome('This Idempotency-Key was used for another body.'));
      return sendText(response, earlier.status, earlier.answer);
    }
    let bundle: unknown;
    try {
      bundle = JSON.parse(body);
    } catch {
      return send(response, 400, outcome('The body is not JSON.'));
    }
    const parsed = bundleToReferral(bundle);
    if (!parsed.ok) return send(response, 422, outcome(...parsed.problems.map((p) => `${p.path}: ${p.message}`)));
    const serviceRequestId = `sr-${next}`;
    const taskId = `task-${next++}`;
    const taskResource = (bundle as fhir4.Bundle).entry?.[2]?.resource as fhir4.Task;
    tasks.set(taskId, { ...taskResource, id: taskId });
    stored.set(parsed.referral.id, { bundle: bundle as fhir4.Bundle, taskId, serviceRequestId });
    created.push(parsed.referral.id);
    const answer = JSON.stringify({
      resourceType: 'Bundle',
      type: 'transaction-response',
      entry: [
        { response: { status: '201 Created', location: `Patient/p-${serviceRequestId}/_history/1` } },
        { response: { status: '201 Created', location: `ServiceRequest/${serviceRequestId}/_history/1` } },
        { response: { status: '201 Created', location: `Task/${taskId}/_history/1` } },
      ],
    });
    answers.set(key, { body, status: 200, answer });
    sendText(response, 200, answer);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const changeTask: StandInQueue['changeTask'] = (referralId, change) => {
    const taskId = stored.get(referralId)?.taskId;
    const task = taskId && tasks.get(taskId);
    if (!taskId || !task) throw new Error(`The stand-in queue has no referral ${referralId}.`);
    tasks.set(taskId, change(task));
  };
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    url,
    token,
    posts,
    created,
    stored,
    decide: (referralId, decision) => changeTask(referralId, (task) => applyDecision(task, decision)),
    changeTask,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function outcome(...diagnostics: string[]): fhir4.OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: diagnostics.map((text) => ({ severity: 'error', code: 'processing', diagnostics: text })),
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  sendText(response, status, JSON.stringify(body));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'application/fhir+json' }).end(text);
}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
