import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type fhir4, SYSTEMS } from '../../domain/fhir';
import { bearerToken, type PracticeVariables, refuseToken, requirePracticeToken } from '../auth/practice-token';
import { secretHash } from '../auth/secrets';
import type { Service } from '../context';
import { groupInsert } from '../store/group-insert';
import { practiceForToken } from '../store/practices';
import { type Arrival, repeatOf, taskFor } from '../store/referrals';
import { capabilityStatement } from './capability-statement';
import { fhirCors } from './cors';
import { fhirJson, type Issue, outcome } from './operation-outcome';
import { rateLimit } from './rate-limit';
import { transactionResponse } from './transaction';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const JSON_TYPES = /^application\/(fhir\+)?json(\s*;.*)?$/i;

function isExtensionOrigin(origin: string): boolean {
  return /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i.test(origin);
}

/**
 * A delivery that was not stored: a repeat of a referral already stored (answered as the first time), or refused. The
 * token is checked first, so that a caller without a good token learns nothing but that.
 */
async function answerNotStored(c: Context, service: Service, token: string, arrival: Arrival) {
  const { odsCode, order, referral } = arrival;
  const tokenPractice = await practiceForToken(service.db, token, service.now());
  if (!tokenPractice) return refuseToken(c, token);
  if (tokenPractice !== odsCode)
    return outcome(c, 403, [
      {
        code: 'forbidden',
        message: `This token sends referrals for practice ${tokenPractice}; this referral is from practice ${odsCode}.`,
      },
    ]);
  const repeat = await repeatOf(service.db, arrival);
  switch (repeat.kind) {
    case 'replayed':
      return fhirJson(c, 200, repeat.response);
    case 'exists':
      return fhirJson(
        c,
        200,
        transactionResponse({
          order,
          referralId: referral.id,
          patientId: repeat.patientId,
          created: false,
          patientCreated: false,
          taskVersion: repeat.version,
          lastModified: repeat.lastModified,
        }),
      );
    case 'key-conflict':
      return outcome(c, 422, [
        {
          code: 'conflict',
          message:
            'This Idempotency-Key was already used with a different body. A retry must send the same Bundle; a new referral needs a new key.',
        },
      ]);
    case 'other-practice':
      return outcome(c, 409, [
        {
          code: 'conflict',
          message:
            'A referral with this identifier was received from another practice. Each referral needs its own id.',
        },
      ]);
  }
}

/** The Task search the pad's status poll may use: by focus (ServiceRequest/<id>), identifier or _id, this practice's only. */
async function searchTasks(c: Context<PracticeVariables>, service: Service): Promise<Response> {
  const { focus, identifier, _id } = c.req.query();
  const id =
    (focus && /^ServiceRequest\/(.+)$/.exec(focus)?.[1]) ||
    (identifier?.startsWith(`${SYSTEMS.referralId}|`) && identifier.slice(SYSTEMS.referralId.length + 1)) ||
    _id;
  if (!focus && !identifier && !_id)
    return outcome(c, 400, [
      { code: 'not-supported', message: 'Search Tasks by focus (ServiceRequest/<id>), identifier or _id.' },
    ]);
  const task = id && UUID.test(id) ? await taskFor(service.db, id.toLowerCase(), c.get('odsCode')) : undefined;
  const searchset: fhir4.Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: task ? 1 : 0,
    entry: task ? [{ fullUrl: `Task/${task.id}`, resource: task, search: { mode: 'match' } }] : [],
  };
  return fhirJson(c, 200, searchset);
}

/** FHIR R4, the subset the pad needs: send a referral (transaction), read its Task, and what is supported. */
export function fhirRoutes(service: Service) {
  const fhir = new Hono<PracticeVariables>();

  fhir.use(
    '*',
    fhirCors((origin) => isExtensionOrigin(origin) || service.corsOrigins.includes(origin)),
  );

  fhir.use('*', rateLimit(service));

  fhir.get('/metadata', (c) => fhirJson(c, 200, capabilityStatement(service.now().toISOString())));

  const insert = groupInsert(service.db, service.now);

  const tooLong = (c: Context) =>
    outcome(c, 413, [
      { code: 'too-long', message: `The body is larger than this service accepts (${service.maxBodyBytes} bytes).` },
    ]);
  const streamedLimit = bodyLimit({ maxSize: service.maxBodyBytes, onError: tooLong });
  fhir.post(
    '/',
    // A body with its Content-Length (what browsers send) is judged by it, then read straight from Node's request (its
    // parser reads exactly that many bytes): bodyLimit's look at the body as a web stream builds an undici Request and
    // streams for every delivery, a fifth of the ingest rate in the bench. A chunked body is counted as it streams in.
    (c, next) => {
      const length = c.req.header('Content-Length');
      if (length === undefined || c.req.header('Transfer-Encoding') !== undefined) return streamedLimit(c, next);
      return Number(length) > service.maxBodyBytes ? tooLong(c) : next();
    },
    // A referral is checked before its token, so that the usual delivery costs one statement with the token checked in
    // it; any refusal still checks the token first, so that a caller without a good token learns nothing but that.
    async (c) => {
      const token = bearerToken(c.req.header('Authorization'));
      if (!token) return refuseToken(c, c.req.header('Authorization'));
      const practice = () => practiceForToken(service.db, token, service.now());
      const refuse = async (status: 400 | 403 | 409 | 415 | 422, issues: Issue[]) =>
        (await practice()) ? outcome(c, status, issues) : refuseToken(c, token);

      if (!JSON_TYPES.test(c.req.header('Content-Type') ?? ''))
        return refuse(415, [{ code: 'not-supported', message: 'Send the Bundle as application/fhir+json.' }]);
      const key = c.req.header('Idempotency-Key');
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
        return refuse(400, [
          { code: 'invalid', message: 'The Idempotency-Key is 1 to 200 visible ASCII characters (the referral’s id).' },
        ]);
      const read = await service.read(await c.req.text());
      if (!read.ok) return refuse(400, read.issues);
      const { referral, order } = read;
      const odsCode = referral.referrer.odsCode;
      const arrival = {
        odsCode,
        tokenHash: secretHash(token),
        ...(key !== undefined ? { idempotencyKey: key } : {}),
        bodyHash: read.bodyHash,
        patientId: read.patientId,
        referral,
        receivedAt: service.now(),
        order,
      };
      const stored = await insert(arrival);
      if (stored) return fhirJson(c, 200, stored);

      return answerNotStored(c, service, token, arrival);
    },
  );

  fhir.use('*', requirePracticeToken(service));

  fhir.get('/Task/:id', async (c) => {
    const id = c.req.param('id');
    const task = UUID.test(id) ? await taskFor(service.db, id.toLowerCase(), c.get('odsCode')) : undefined;
    if (!task) return outcome(c, 404, [{ code: 'not-found', message: `No Task ${id} for this practice.` }]);
    const etag = `W/"${task.meta?.versionId ?? '1'}"`;
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304, { ETag: etag });
    return fhirJson(c, 200, task, { ETag: etag, 'Last-Modified': new Date(task.meta?.lastUpdated ?? 0).toUTCString() });
  });

  fhir.get('/Task', (c) => searchTasks(c, service));

  return fhir;
}
