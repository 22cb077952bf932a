import type { Context } from 'hono';
import { writeModelFile } from '../../domain/model/model-file';
import type { AgreedModel } from '../../domain/service/agreement';
import type { Service } from '../context';
import { html } from '../inbox/html';
import { listPractices } from '../store/practices';
import { agreedVersions, decideProposal, proposalsFor, proposeModel } from '../store/services';
import { type LeadVariables, leadParty } from './lead';
import { ProposalPage } from './proposal-page';
import { ProposePage } from './propose-page';
import { type Problem, proposeForm, readProposal } from './read-forms';

type LeadContext = Context<LeadVariables>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const NOT_DECIDED = {
  'own-side': 'This is the service’s own proposal: the practice agrees it or sends it back. Nothing was changed.',
  decided: 'This proposal was decided already; nothing was changed.',
};

/** The version in force with a practice: the highest agreed with it. */
function inForceWith(agreements: readonly AgreedModel[], practice: string): AgreedModel | undefined {
  return agreements.filter((a) => a.practice === practice).sort((a, b) => b.version - a.version)[0];
}

/** A proposal of this lead's service, with the version in force it is read against; another service's is not found. */
async function proposalInView(service: Service, c: LeadContext) {
  const id = (c.req.param('id') ?? '').toLowerCase();
  const led = c.get('led');
  if (!UUID.test(id)) return undefined;
  const [proposals, agreements, practices] = await Promise.all([
    proposalsFor(service.db, led.id),
    agreedVersions(service.db, led.id),
    listPractices(service.db),
  ]);
  const proposal = proposals.find((p) => p.id === id);
  if (!proposal) return undefined;
  return { proposal, inForce: inForceWith(agreements, proposal.practice), practices };
}

function proposalPage(c: LeadContext, view: NonNullable<Awaited<ReturnType<typeof proposalInView>>>, more = {}) {
  const session = c.get('session');
  return (
    <ProposalPage
      session={session}
      {...view}
      lead={leadParty(session.linkWorker.displayName, c.get('led'))}
      {...more}
    />
  );
}

export function proposalHandler(service: Service) {
  return async (c: LeadContext) => {
    const view = await proposalInView(service, c);
    return view ? html(proposalPage(c, view)) : c.text('No such proposal.', 404);
  };
}

/**
 * Agree or send back a practice's proposal, for the service's side. A comment is required to send back; a proposal
 * decided meanwhile (by another lead) is shown again as it now stands.
 */
export function decideHandler(service: Service, decision: 'agree' | 'send-back') {
  return async (c: LeadContext) => {
    const view = await proposalInView(service, c);
    if (!view) return c.text('No such proposal.', 404);
    const session = c.get('session');
    const form = await c.req.parseBody();
    const comment = typeof form.comment === 'string' ? form.comment.trim() : '';
    const problem = (message: string, field?: string): Problem[] => [{ message, ...(field ? { field } : {}) }];
    if (decision === 'send-back' && !comment)
      return html(
        proposalPage(c, view, { problems: problem('Say what needs to change: the practice sees it.', 'comment') }),
        400,
      );
    const by = leadParty(session.linkWorker.displayName, c.get('led'));
    const result = await decideProposal(
      service.db,
      { proposalId: view.proposal.id, serviceId: view.proposal.serviceId, side: 'service' },
      decision === 'agree' ? { decision, by } : { decision, by, comment },
      service.now(),
      session.linkWorker.username,
    );
    if (!result.ok) {
      if (result.problem === 'not-found') return c.text('No such proposal.', 404);
      const fresh = (await proposalInView(service, c)) ?? view;
      return html(proposalPage(c, fresh, { problems: problem(NOT_DECIDED[result.problem]) }), 409);
    }
    return c.redirect(`/inbox/service?saved=${decision === 'agree' ? 'agreed' : 'sent-back'}`, 303);
  };
}

/** The propose form, its box holding the version in force with the practice chosen (if any). */
export function proposeFormHandler(service: Service) {
  return async (c: LeadContext) => {
    const [agreements, practices] = await Promise.all([
      agreedVersions(service.db, c.get('led').id),
      listPractices(service.db),
    ]);
    const practice = (c.req.query('practice') ?? '').toUpperCase();
    const known = practices.some((p) => p.odsCode === practice);
    const inForce = known ? inForceWith(agreements, practice) : undefined;
    const form = { practice: known ? practice : '', model: inForce ? writeModelFile(inForce.model) : '' };
    const problems = practice && !known ? [{ field: 'practice', message: 'Choose the practice.' }] : [];
    return html(
      <ProposePage
        session={c.get('session')}
        practices={practices}
        form={form}
        problems={problems}
        {...(inForce ? { inForce: inForce.version } : {})}
      />,
    );
  };
}

/** A proposal from the service's side: the model read as the pad reads a file, each problem located, or nothing sent. */
export function proposeHandler(service: Service) {
  return async (c: LeadContext) => {
    const session = c.get('session');
    const led = c.get('led');
    const [entered, practices] = await Promise.all([proposeForm(await c.req.parseBody()), listPractices(service.db)]);
    const read = readProposal(
      entered,
      practices.map((p) => p.odsCode),
    );
    if (!read.ok)
      return html(<ProposePage session={session} practices={practices} form={entered} problems={read.problems} />, 400);
    const proposed = await proposeModel(
      service.db,
      {
        serviceId: led.id,
        practice: entered.practice,
        model: read.value,
        side: 'service',
        proposedBy: leadParty(session.linkWorker.displayName, led),
      },
      service.now(),
      session.linkWorker.username,
    );
    if (!proposed.ok) {
      const problems = [{ field: 'practice', message: 'Choose the practice.' }];
      return html(<ProposePage session={session} practices={practices} form={entered} problems={problems} />, 400);
    }
    return c.redirect('/inbox/service?saved=proposed', 303);
  };
}
