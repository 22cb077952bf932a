import { randomUUID } from 'node:crypto';
import { ukDate } from '../../domain/clock/uk-date';
import type { ServiceModel } from '../../domain/model/model';
import { readModel } from '../../domain/model/model-file';
import {
  type AgreedModel,
  agreedModelSchema,
  type Party,
  type Proposal,
  type ProposalSide,
  proposalSchema,
} from '../../domain/service/agreement';
import type { DirectoryEntry } from '../../domain/service/directory';
import { type Service, type ServiceCapacity, serviceSchema } from '../../domain/service/service';
import { audit, COMMAND_LINE } from './audit';
import type { Db, Queryable } from './db';

/** The service's details as stored: everything but its id and capacity. */
export type ServiceDetails = Omit<Service, 'id' | 'capacity'>;

type ServiceRow = { id: string; details: ServiceDetails; capacity: ServiceCapacity };

function serviceFrom(row: ServiceRow): Service {
  return serviceSchema.parse({ id: row.id, ...row.details, capacity: row.capacity });
}

function detailsOf(service: Service): ServiceDetails {
  const { id: _id, capacity: _capacity, ...details } = service;
  return details;
}

/** Adds a service, recorded in the audit. Throws when the id is taken. */
export async function addService(db: Queryable, service: Service, at: Date, by = COMMAND_LINE): Promise<void> {
  const taken = await db.query('SELECT 1 FROM service WHERE id = $1', [service.id]);
  if (taken.length > 0) throw new Error(`A service with the id ${service.id} is already on this queue.`);
  await db.query('INSERT INTO service (id, details, capacity, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)', [
    service.id,
    JSON.stringify(detailsOf(service)),
    JSON.stringify(service.capacity),
    at,
  ]);
  await audit(db, { at, actor: by, action: 'service-added', detail: service.id });
}

export async function getService(db: Queryable, id: string): Promise<Service | undefined> {
  const rows = await db.query<ServiceRow>('SELECT id, details, capacity FROM service WHERE id = $1', [id]);
  return rows[0] && serviceFrom(rows[0]);
}

export async function listServices(db: Queryable): Promise<Service[]> {
  const rows = await db.query<ServiceRow>('SELECT id, details, capacity FROM service ORDER BY id');
  return rows.map(serviceFrom);
}

/** Changes a service's details (not its id or capacity). False when there is no such service. */
export async function updateService(
  db: Queryable,
  id: string,
  details: ServiceDetails,
  at: Date,
  by = COMMAND_LINE,
): Promise<boolean> {
  const rows = await db.query('UPDATE service SET details = $2, updated_at = $3 WHERE id = $1 RETURNING id', [
    id,
    JSON.stringify(details),
    at,
  ]);
  if (rows.length > 0) await audit(db, { at, actor: by, action: 'service-changed', detail: `${id}: details` });
  return rows.length > 0;
}

/** Sets a service's capacity, which only the service knows. False when there is no such service. */
export async function setCapacity(
  db: Queryable,
  id: string,
  capacity: ServiceCapacity,
  at: Date,
  by = COMMAND_LINE,
): Promise<boolean> {
  const rows = await db.query('UPDATE service SET capacity = $2, updated_at = $3 WHERE id = $1 RETURNING id', [
    id,
    JSON.stringify(capacity),
    at,
  ]);
  if (rows.length > 0) {
    await audit(db, { at, actor: by, action: 'service-changed', detail: `${id}: capacity ${capacity.state}` });
  }
  return rows.length > 0;
}

type ProposalRow = {
  id: string;
  service_id: string;
  ods_code: string;
  version: number;
  based_on: number | null;
  model: unknown;
  side: ProposalSide;
  proposed_by: Party;
  proposed_at: Date;
  status: Proposal['status'];
  comment: string | null;
  decided_by: Party | null;
  decided_at: Date | null;
};

const PROPOSAL_COLUMNS = `id, service_id, ods_code, version, based_on, model, side, proposed_by, proposed_at, status,
  comment, decided_by, decided_at`;

function proposalFrom(row: ProposalRow): Proposal {
  return proposalSchema.parse({
    id: row.id,
    serviceId: row.service_id,
    practice: row.ods_code,
    version: row.version,
    ...(row.based_on ? { basedOn: row.based_on } : {}),
    model: row.model,
    side: row.side,
    proposedBy: row.proposed_by,
    proposedAt: new Date(row.proposed_at).toISOString(),
    status: row.status,
    ...(row.comment ? { comment: row.comment } : {}),
    ...(row.decided_by ? { decidedBy: row.decided_by } : {}),
    ...(row.decided_at ? { decidedAt: new Date(row.decided_at).toISOString() } : {}),
  });
}

export type ProposeResult = { ok: true; proposal: Proposal } | { ok: false; problem: 'no-service' | 'no-practice' };

/**
 * One side proposes a model version to the other. The service numbers it: one more than its highest so far, across all
 * its practices (the service row is locked while it counts). The model is stored with that version.
 */
export async function proposeModel(
  db: Db,
  proposal: { serviceId: string; practice: string; side: ProposalSide; model: ServiceModel; proposedBy: Party },
  at: Date,
  by = COMMAND_LINE,
): Promise<ProposeResult> {
  return db.transaction(async (tx) => {
    const service = await tx.query('SELECT id FROM service WHERE id = $1 FOR UPDATE', [proposal.serviceId]);
    if (service.length === 0) return { ok: false, problem: 'no-service' };
    const practice = await tx.query('SELECT 1 FROM practice WHERE ods_code = $1', [proposal.practice]);
    if (practice.length === 0) return { ok: false, problem: 'no-practice' };
    const [numbers] = await tx.query<{ next: number; based_on: number | null }>(
      `SELECT (SELECT coalesce(max(version), 0) + 1 FROM model_proposal WHERE service_id = $1)::int AS next,
              (SELECT max(version) FROM agreed_model WHERE service_id = $1 AND ods_code = $2)::int AS based_on`,
      [proposal.serviceId, proposal.practice],
    );
    const version = numbers?.next ?? 1;
    const rows = await tx.query<ProposalRow>(
      `INSERT INTO model_proposal (id, service_id, ods_code, version, based_on, model, side, proposed_by, proposed_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'proposed') RETURNING ${PROPOSAL_COLUMNS}`,
      [
        randomUUID(),
        proposal.serviceId,
        proposal.practice,
        version,
        numbers?.based_on ?? null,
        JSON.stringify({ ...proposal.model, version }),
        proposal.side,
        JSON.stringify(proposal.proposedBy),
        at,
      ],
    );
    const detail = `${proposal.serviceId} version ${version} for ${proposal.practice} by the ${proposal.side}`;
    await audit(tx, { at, actor: by, action: 'model-proposed', detail });
    return { ok: true, proposal: proposalFrom(rows[0] as ProposalRow) };
  });
}

export type Decision =
  | { decision: 'agree'; by: Party; reviewBy?: string }
  | { decision: 'send-back'; by: Party; comment: string };

export type DecideResult =
  | { ok: true; proposal: Proposal; agreed?: AgreedModel }
  /** not-found: no such proposal between this service and practice; own-side: a side may not decide its own proposal. */
  | { ok: false; problem: 'not-found' | 'own-side' | 'decided' };

/** One year on less a day from the UK day agreed: "3 December 2026; review by 2 December 2027". */
function defaultReviewBy(at: Date): string {
  const day = new Date(`${ukDate(at)}T00:00:00Z`);
  day.setUTCFullYear(day.getUTCFullYear() + 1);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** The model as agreed: its own agreement block says who agreed it on each side, and when, as the pad shows. */
function modelAsAgreed(model: ServiceModel, by: { practice: Party; service: Party }, at: Date, reviewBy: string) {
  const agreedBy = [by.practice, by.service].map((party) => `${party.name}, ${party.role}, ${party.organisation}`);
  const stamped = readModel({ ...model, agreement: { ...model.agreement, agreedBy, agreedOn: ukDate(at), reviewBy } });
  if (!stamped.ok) throw new Error(`The agreed model does not read back: ${JSON.stringify(stamped.errors)}`);
  return stamped.model;
}

async function agree(tx: Queryable, proposal: Proposal, decision: Decision & { decision: 'agree' }, at: Date) {
  const agreedBy =
    proposal.side === 'practice'
      ? { practice: proposal.proposedBy, service: decision.by }
      : { practice: decision.by, service: proposal.proposedBy };
  const reviewBy = decision.reviewBy ?? defaultReviewBy(at);
  const model = modelAsAgreed(proposal.model, agreedBy, at, reviewBy);
  await tx.query(
    `INSERT INTO agreed_model (service_id, version, ods_code, proposal_id, model, agreed_by, agreed_at, review_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      proposal.serviceId,
      proposal.version,
      proposal.practice,
      proposal.id,
      JSON.stringify(model),
      JSON.stringify(agreedBy),
      at,
      reviewBy,
    ],
  );
  return agreedModelSchema.parse({
    serviceId: proposal.serviceId,
    practice: proposal.practice,
    version: proposal.version,
    model,
    agreedBy,
    agreedAt: at.toISOString(),
    reviewBy,
  });
}

/**
 * The other side agrees a proposal (it becomes an immutable agreed version) or sends it back with a comment. `side` is
 * who decides: never the side that proposed. `practice` limits it to one practice's proposals (the practice's token).
 */
export async function decideProposal(
  db: Db,
  where: { proposalId: string; serviceId: string; practice?: string; side: ProposalSide },
  decision: Decision,
  at: Date,
  by = COMMAND_LINE,
): Promise<DecideResult> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<ProposalRow>(
      `SELECT ${PROPOSAL_COLUMNS} FROM model_proposal
       WHERE id = $1 AND service_id = $2 AND ($3::text IS NULL OR ods_code = $3) FOR UPDATE`,
      [where.proposalId, where.serviceId, where.practice ?? null],
    );
    if (!rows[0]) return { ok: false, problem: 'not-found' };
    const proposal = proposalFrom(rows[0]);
    if (proposal.side === where.side) return { ok: false, problem: 'own-side' };
    if (proposal.status !== 'proposed') return { ok: false, problem: 'decided' };
    const agreed = decision.decision === 'agree' ? await agree(tx, proposal, decision, at) : undefined;
    const status = agreed ? 'agreed' : 'sent-back';
    const comment = decision.decision === 'send-back' ? decision.comment : null;
    const updated = await tx.query<ProposalRow>(
      `UPDATE model_proposal SET status = $2, comment = $3, decided_by = $4, decided_at = $5 WHERE id = $1
       RETURNING ${PROPOSAL_COLUMNS}`,
      [proposal.id, status, comment, JSON.stringify(decision.by), at],
    );
    const detail = `${proposal.serviceId} version ${proposal.version} for ${proposal.practice} by the ${where.side}`;
    await audit(tx, { at, actor: by, action: agreed ? 'model-agreed' : 'model-sent-back', detail });
    return { ok: true, proposal: proposalFrom(updated[0] as ProposalRow), ...(agreed ? { agreed } : {}) };
  });
}

/** A service's proposals, newest first: with one practice, or with all of them. */
export async function proposalsFor(db: Queryable, serviceId: string, practice?: string): Promise<Proposal[]> {
  const rows = await db.query<ProposalRow>(
    `SELECT ${PROPOSAL_COLUMNS} FROM model_proposal WHERE service_id = $1 AND ($2::text IS NULL OR ods_code = $2)
     ORDER BY version DESC`,
    [serviceId, practice ?? null],
  );
  return rows.map(proposalFrom);
}

type AgreedRow = {
  service_id: string;
  ods_code: string;
  version: number;
  model: unknown;
  agreed_by: AgreedModel['agreedBy'];
  agreed_at: Date;
  review_by: string;
};

const AGREED_COLUMNS =
  'a.service_id, a.ods_code, a.version, a.model, a.agreed_by, a.agreed_at, a.review_by::text AS review_by';

function agreedFrom(row: AgreedRow): AgreedModel {
  return agreedModelSchema.parse({
    serviceId: row.service_id,
    practice: row.ods_code,
    version: row.version,
    model: row.model,
    agreedBy: row.agreed_by,
    agreedAt: new Date(row.agreed_at).toISOString(),
    reviewBy: row.review_by,
  });
}

/** The practice's directory: each service with an agreed version, at its newest agreed version, in name order. */
export async function agreementsInForce(db: Queryable, practice: string): Promise<DirectoryEntry[]> {
  const rows = await db.query<AgreedRow & ServiceRow>(
    `SELECT DISTINCT ON (a.service_id) ${AGREED_COLUMNS}, s.id, s.details, s.capacity
     FROM agreed_model a JOIN service s ON s.id = a.service_id
     WHERE a.ods_code = $1 ORDER BY a.service_id, a.version DESC`,
    [practice],
  );
  return rows
    .map((row) => ({ service: serviceFrom(row), agreement: agreedFrom(row) }))
    .sort((a, b) => a.service.name.localeCompare(b.service.name));
}

/** One agreed version between a practice and a service, if that version was agreed with that practice. */
export async function agreementFor(
  db: Queryable,
  practice: string,
  serviceId: string,
  version: number,
): Promise<AgreedModel | undefined> {
  const rows = await db.query<AgreedRow>(
    `SELECT ${AGREED_COLUMNS} FROM agreed_model a WHERE a.ods_code = $1 AND a.service_id = $2 AND a.version = $3`,
    [practice, serviceId, version],
  );
  return rows[0] && agreedFrom(rows[0]);
}

/** Every version a service has agreed, with every practice, newest first (the service's pages). */
export async function agreedVersions(db: Queryable, serviceId: string): Promise<AgreedModel[]> {
  const rows = await db.query<AgreedRow>(
    `SELECT ${AGREED_COLUMNS} FROM agreed_model a WHERE a.service_id = $1 ORDER BY a.version DESC`,
    [serviceId],
  );
  return rows.map(agreedFrom);
}

export type ReferralService =
  | { ok: true; serviceId: string }
  | { ok: false; problem: 'no-service'; serviceId: string }
  | { ok: false; problem: 'no-agreement'; serviceId: string; serviceName: string }
  | { ok: false; problem: 'version-not-agreed'; serviceId: string; serviceName: string; agreed: number[] }
  | { ok: false; problem: 'model-not-agreed' };

/**
 * The service a referral goes to, if its practice agreed the version it was checked under: the service it names
 * (performer), or, from a pad without a directory, the one service whose agreed version with that practice is the
 * model and version in its verdict.
 */
export async function serviceForReferral(
  db: Queryable,
  referral: { practice: string; serviceId?: string; modelId: string; version: number },
): Promise<ReferralService> {
  const { practice, serviceId, modelId, version } = referral;
  if (serviceId === undefined) {
    const rows = await db.query<{ service_id: string }>(
      `SELECT service_id FROM agreed_model WHERE ods_code = $1 AND version = $2 AND model ->> 'id' = $3`,
      [practice, version, modelId],
    );
    return rows.length === 1 && rows[0]
      ? { ok: true, serviceId: rows[0].service_id }
      : { ok: false, problem: 'model-not-agreed' };
  }
  const rows = await db.query<{ name: string; versions: number[] }>(
    `SELECT s.details ->> 'name' AS name,
       coalesce(array_agg(a.version ORDER BY a.version) FILTER (WHERE a.version IS NOT NULL), '{}') AS versions
     FROM service s LEFT JOIN agreed_model a ON a.service_id = s.id AND a.ods_code = $2
     WHERE s.id = $1 GROUP BY s.id`,
    [serviceId, practice],
  );
  const found = rows[0];
  if (!found) return { ok: false, problem: 'no-service', serviceId };
  const agreed = found.versions.map(Number);
  if (agreed.includes(version)) return { ok: true, serviceId };
  if (agreed.length === 0) return { ok: false, problem: 'no-agreement', serviceId, serviceName: found.name };
  return { ok: false, problem: 'version-not-agreed', serviceId, serviceName: found.name, agreed };
}

/**
 * A model proposed by the practice and agreed by the service at once, for a queue set up with agreements already
 * made on paper (the demo, a queue's first services). Gives the agreed version.
 */
export async function agreeAsBothSides(
  db: Db,
  agreement: { serviceId: string; practice: string; model: ServiceModel; by: { practice: Party; service: Party } },
  at: Date,
  by = COMMAND_LINE,
): Promise<AgreedModel> {
  const { serviceId, practice, model } = agreement;
  const proposed = await proposeModel(
    db,
    { serviceId, practice, side: 'practice', model, proposedBy: agreement.by.practice },
    at,
    by,
  );
  if (!proposed.ok) throw new Error(`Cannot propose a model to ${serviceId} for ${practice}: ${proposed.problem}.`);
  const decided = await decideProposal(
    db,
    { proposalId: proposed.proposal.id, serviceId, side: 'service' },
    { decision: 'agree', by: agreement.by.service },
    at,
    by,
  );
  if (!decided.ok || !decided.agreed) throw new Error(`Cannot agree ${serviceId} for ${practice}.`);
  return decided.agreed;
}
