import { createHash } from 'node:crypto';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type fhir4, SYSTEMS } from '../../domain/fhir';
import { taskAsRead } from '../../domain/fhir/message-back';
import { bearerToken, type PracticeVariables, refuseToken, requirePracticeToken } from '../auth/practice-token';
import { secretHash } from '../auth/secrets';
import type { Service } from '../context';
import { taskToRead } from '../store/caseload';
import { transactionResponse } from '../store/fhir-answers';
import { groupInsert } from '../store/group-insert';
import { listPractices, practiceForToken } from '../store/practices';
import { type Arrival, repeatOf } from '../store/referrals';
import { agreedService } from './agreed-service';
import { capabilityStatement } from './capability-statement';
import { fhirCors } from './cors';
import { receiveCounts } from './counts';
import { fhirJson, type Issue, outcome } from './operation-outcome';
import { rateLimit, refusedTokenLimit } from './rate-limit';
import { serviceRoutes } from './services';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const JSON_TYPES = /^application\/(fhir\+)?json(\s*;.*)?$/i;

/** PostgreSQL's class 22, data exception (an invalid text, an out-of-range date…): the value's fault, not the database's. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('22');
}

function isExtensionOrigin(origin: string): boolean {
  return /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i.test(origin);
}

type FhirContext = Context<PracticeVariables>;

/** FHIR R4, the subset the pad needs: send a referral (transaction), read its Task, and what is supported. */
export function fhirRoutes(service: Service) {
  const fhir = new Hono<PracticeVariables>();

  fhir.use(
    '*',
    fhirCors((origin) => isExtensionOrigin(origin) || service.corsOrigins.includes(origin)),
  );

  fhir.use('*', refusedTokenLimit(service));
  fhir.use('*', rateLimit(service));

  fhir.get('/metadata', (c) => fhirJson(c, 200, capabilityStatement(service.now().toISOString())));
  fhir.post('/', bodySizeLimit(service), receiveReferral(service));

  fhir.use('*', requirePracticeToken(service));

  fhir.post('/MeasureReport', bodySizeLimit(service), (c) => receiveCounts(service, c));
  fhir.get('/Organization', (c) => whoThisTokenIs(service, c));
  fhir.get('/Task/:id', (c) => readTask(service, c));
  fhir.get('/Task', (c) => searchTasks(service, c));
  fhir.use('/HealthcareService/*', bodySizeLimit(service));
  serviceRoutes(fhir, service);
  return fhir;
}

/**
 * A body with its Content-Length (what browsers send) is judged by it, then read straight from Node's request (its
 * parser reads exactly that many bytes): bodyLimit's look at the body as a web stream builds an undici Request and
 * streams for every delivery, a fifth of the ingest rate in the bench. A chunked body is counted as it streams in.
 */
function bodySizeLimit(service: Service): MiddlewareHandler<PracticeVariables> {
  const tooLong = (c: Context) =>
    outcome(c, 413, [
      { code: 'too-long', message: `The body is larger than this service accepts (${service.maxBodyBytes} bytes).` },
    ]);
  const streamedLimit = bodyLimit({ maxSize: service.maxBodyBytes, onError: tooLong });
  return async (c, next) => {
    const length = c.req.header('Content-Length');
    if (length === undefined || c.req.header('Transfer-Encoding') !== undefined) return streamedLimit(c, next);
    return Number(length) > service.maxBodyBytes ? tooLong(c) : next();
  };
}

type Refuse = (status: 400 | 403 | 409 | 415 | 422, issues: Issue[]) => Promise<Response>;

/**
 * A referral is checked before its token, so that the usual delivery costs one statement with the token checked in
 * it; any refusal still checks the token first, so that a caller without a good token learns nothing but that.
 */
function receiveReferral(service: Service) {
  const insert = groupInsert(service.db, service.now);
  return async (c: FhirContext) => {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token) return refuseToken(c, c.req.header('Authorization'));
    const practice = () => practiceForToken(service.db, token, service.now());
    const refuse: Refuse = async (status, issues) =>
      (await practice()) ? outcome(c, status, issues) : refuseToken(c, token);

    if (!JSON_TYPES.test(c.req.header('Content-Type') ?? ''))
      return refuse(415, [{ code: 'not-supported', message: 'Send the Bundle as application/fhir+json.' }]);
    const key = c.req.header('Idempotency-Key');
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
      return refuse(400, [
        { code: 'invalid', message: 'The Idempotency-Key is 1 to 200 visible ASCII characters (the referral’s id).' },
      ]);
    const receivedAt = service.now();
    const read = await service.read(await c.req.text(), receivedAt.getTime());
    if (!read.ok) return refuse(read.status, read.issues);
    const { referral, order } = read;
    const agreed = await agreedService(service.db, referral).catch((error: unknown) => {
      if (!isDataError(error)) throw error;
      return {
        issue: {
          code: 'invalid',
          message: `The referral's service or model cannot be looked up: ${(error as Error).message}`,
        } as Issue,
      };
    });
    if ('issue' in agreed) return refuseUnagreed(c, service, token, referral.referrer.odsCode, agreed.issue);
    const arrival: Arrival = {
      odsCode: referral.referrer.odsCode,
      tokenHash: secretHash(token),
      ...(key !== undefined ? { idempotencyKey: key } : {}),
      bodyHash: read.bodyHash,
      patientId: read.patientId,
      referral,
      serviceId: agreed.serviceId,
      receivedAt,
      order,
    };
    let stored: fhir4.Bundle | undefined;
    try {
      stored = await insert(arrival);
    } catch (error) {
      if (!isDataError(error)) throw error;
      // What the database cannot store is the referral's fault, not the service's: a 5xx would be retried for ever.
      return refuse(422, [
        { code: 'invalid', message: `The referral holds a value that cannot be stored: ${(error as Error).message}` },
      ]);
    }
    if (stored) return fhirJson(c, 200, stored);
    const tokenPractice = await practice();
    if (!tokenPractice) return refuseToken(c, token);
    return answerNotStored(service, c, arrival, tokenPractice);
  };
}

/**
 * A referral under no agreed version (hazard: referring under a model nobody agreed) is refused: 422, or whatever a
 * token that is not good, or is another practice's, is told first.
 */
async function refuseUnagreed(c: FhirContext, service: Service, token: string, odsCode: string, issue: Issue) {
  const tokenPractice = await practiceForToken(service.db, token, service.now());
  if (!tokenPractice) return refuseToken(c, token);
  if (tokenPractice !== odsCode) return otherPractice(c, tokenPractice, odsCode);
  return outcome(c, 422, [issue]);
}

function otherPractice(c: FhirContext, tokenPractice: string, odsCode: string) {
  return outcome(c, 403, [
    {
      code: 'forbidden',
      message: `This token sends referrals for practice ${tokenPractice}; this referral is from practice ${odsCode}.`,
    },
  ]);
}

/** Nothing was stored: another practice's referral, a retry of one already held, or a clash of key or id. */
async function answerNotStored(service: Service, c: FhirContext, arrival: Arrival, tokenPractice: string) {
  const { odsCode, referral, order } = arrival;
  if (tokenPractice !== odsCode) return otherPractice(c, tokenPractice, odsCode);
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
    // One answer whoever holds the id: a practice learns nothing of another's referrals but that an id it
    // already holds is taken (ids are random UUIDs: not guessed). Never 200, so a changed referral is not lost.
    case 'id-taken':
      return outcome(c, 422, [
        {
          code: 'duplicate',
          message:
            'This referral id is already taken by a referral with other content; nothing was stored. A retry must send the same Bundle; a new referral needs a new id.',
        },
      ]);
  }
}

/** Who this token speaks for, as a searchset of the one Organization: the options page's "Test connection" shows it. */
async function whoThisTokenIs(service: Service, c: FhirContext) {
  const odsCode = c.get('odsCode');
  const practice = (await listPractices(service.db)).find((known) => known.odsCode === odsCode);
  const organization: fhir4.Organization = {
    resourceType: 'Organization',
    id: odsCode,
    identifier: [{ system: SYSTEMS.ods, value: odsCode }],
    ...(practice ? { name: practice.name } : {}),
  };
  return fhirJson(c, 200, {
    resourceType: 'Bundle',
    type: 'searchset',
    total: 1,
    entry: [{ fullUrl: `Organization/${odsCode}`, resource: organization, search: { mode: 'match' } }],
  } satisfies fhir4.Bundle);
}

/** One referral's Task, for its practice, with its version for a conditional read. */
/**
 * A practice's Task as stored, and as it reads now (message-back's taskAsRead: past the service's rule with no
 * decision, it says so in the GP's words) by the service's clock; undefined for an unknown id or another practice's.
 */
async function taskAsServed(
  service: Service,
  id: string,
  odsCode: string,
): Promise<{ stored: fhir4.Task; read: fhir4.Task } | undefined> {
  const found = UUID.test(id) ? await taskToRead(service.db, id.toLowerCase(), odsCode) : undefined;
  return found && { stored: found.task, read: taskAsRead(found.task, { ...found, now: service.now() }) };
}

/**
 * The version names what is stored; what the Task says as read can change with the clock alone (overdue, a working
 * day more), so then that is part of the ETag too, or a poll would be told "not modified" and miss it.
 */
function taskEtag(task: { stored: fhir4.Task; read: fhir4.Task }): string {
  const version = task.stored.meta?.versionId ?? '1';
  const read = JSON.stringify(task.read.businessStatus ?? null);
  if (read === JSON.stringify(task.stored.businessStatus ?? null)) return `W/"${version}"`;
  return `W/"${version}-${createHash('sha256').update(read).digest('base64url').slice(0, 10)}"`;
}

async function readTask(service: Service, c: FhirContext) {
  const id = c.req.param('id') ?? '';
  const served = await taskAsServed(service, id, c.get('odsCode'));
  if (!served) return outcome(c, 404, [{ code: 'not-found', message: `No Task ${id} for this practice.` }]);
  const task = served.read;
  const etag = taskEtag(served);
  if (c.req.header('If-None-Match') === etag) return c.body(null, 304, { ETag: etag });
  return fhirJson(c, 200, task, { ETag: etag, 'Last-Modified': new Date(task.meta?.lastUpdated ?? 0).toUTCString() });
}

/** A referral's Task found by its ServiceRequest, its referral identifier or its id. */
async function searchTasks(service: Service, c: FhirContext) {
  const { focus, identifier, _id } = c.req.query();
  const id =
    (focus && /^ServiceRequest\/(.+)$/.exec(focus)?.[1]) ||
    (identifier?.startsWith(`${SYSTEMS.referralId}|`) && identifier.slice(SYSTEMS.referralId.length + 1)) ||
    _id;
  if (!focus && !identifier && !_id)
    return outcome(c, 400, [
      { code: 'not-supported', message: 'Search Tasks by focus (ServiceRequest/<id>), identifier or _id.' },
    ]);
  const task = id ? (await taskAsServed(service, id, c.get('odsCode')))?.read : undefined;
  const searchset: fhir4.Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: task ? 1 : 0,
    // FHIR JSON has no empty arrays: no match, no entry.
    ...(task ? { entry: [{ fullUrl: `Task/${task.id}`, resource: task, search: { mode: 'match' } }] } : {}),
  };
  return fhirJson(c, 200, searchset);
}
