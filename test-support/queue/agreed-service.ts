import type { ServiceModel } from '../../domain/model/model';
import type { AgreedModel, Party, Proposal } from '../../domain/service/agreement';
import type { Service } from '../../domain/service/service';
import type { Db } from '../../server/store/db';
import { addPractice, issueToken } from '../../server/store/practices';
import { addService, decideProposal, proposalsFor, proposeModel } from '../../server/store/services';
import { kingsmeadConnect } from '../fixtures/services';

/**
 * Kingsmead Connect 55+ (the fixture) under an id of its own, so that the directory tests' queue may hold it beside
 * whatever services the queue's own start seeds.
 */
export const kingsmeadConnect55: Service = { ...kingsmeadConnect, id: 'kingsmead-connect-55' };

/** A practice of the test's own on the queue (none of the queue's seeded agreements), with its token. */
export async function addPracticeWithToken(
  db: Db,
  practice: { odsCode: string; name: string },
  token?: string,
): Promise<string> {
  await addPractice(db, practice);
  return (await issueToken(db, practice.odsCode, { label: 'directory tests', ...(token ? { token } : {}) })).token;
}

/** The service's lead, as the service's pages would name them. */
export function leadOf(service: Service): Party {
  return { name: 'Sam Lee', role: 'Service lead', organisation: service.organisation.name };
}

/**
 * A service on the queue with a model agreed with a practice, as the two sides would make it through the store: the
 * service proposes, the practice's champion agrees. Gives the agreed version.
 */
export async function addAgreedService(
  db: Db,
  {
    service,
    practice,
    model,
    champion,
    at = new Date(),
  }: {
    service: Service;
    practice: string;
    model: ServiceModel;
    champion: Party;
    at?: Date;
  },
): Promise<AgreedModel> {
  await addService(db, service, at);
  const proposal = await serviceProposes(db, service, practice, model, at);
  return agreeAs(db, 'practice', proposal, champion, at);
}

/** The service proposes a model to a practice (its lead's name on it). */
export async function serviceProposes(
  db: Db,
  service: Service,
  practice: string,
  model: ServiceModel,
  at = new Date(),
): Promise<Proposal> {
  const proposed = await proposeModel(
    db,
    { serviceId: service.id, practice, side: 'service', model, proposedBy: leadOf(service) },
    at,
  );
  if (!proposed.ok) throw new Error(`The service could not propose: ${proposed.problem}`);
  return proposed.proposal;
}

/** One side agrees the other's proposal. */
export async function agreeAs(
  db: Db,
  side: 'practice' | 'service',
  proposal: Proposal,
  by: Party,
  at = new Date(),
): Promise<AgreedModel> {
  const decided = await decideProposal(
    db,
    { proposalId: proposal.id, serviceId: proposal.serviceId, practice: proposal.practice, side },
    { decision: 'agree', by },
    at,
  );
  if (!decided.ok || !decided.agreed) throw new Error(`The ${side} could not agree: ${JSON.stringify(decided)}`);
  return decided.agreed;
}

/** A practice's proposals with a service, newest first, as the queue holds them. */
export const storedProposals = (db: Db, serviceId: string, practice: string) => proposalsFor(db, serviceId, practice);
