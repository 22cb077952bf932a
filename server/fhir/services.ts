import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { directoryToBundle } from '../../domain/fhir/directory';
import { located } from '../../domain/model/model-file';
import { modelFieldSchema, partySchema } from '../../domain/service/agreement';
import { serviceIdSchema } from '../../domain/service/service';
import type { PracticeVariables } from '../auth/practice-token';
import type { Service } from '../context';
import {
  agreementsInForce,
  type DecideResult,
  decideProposal,
  getService,
  proposalsFor,
  proposeModel,
} from '../store/services';
import { fhirJson, type Issue, outcome } from './operation-outcome';

type FhirContext = Context<PracticeVariables>;

const proposeSchema = z.strictObject({ model: modelFieldSchema, proposedBy: partySchema });
const agreeSchema = z.strictObject({
  proposalId: z.uuid('Give the proposal’s id (a UUID).'),
  agreedBy: partySchema,
  reviewBy: z.iso.date('A date as YYYY-MM-DD, for example 2027-12-02.').optional(),
});
const sendBackSchema = z.strictObject({
  proposalId: z.uuid('Give the proposal’s id (a UUID).'),
  comment: z.string().trim().min(1, 'Say why it is sent back: the other side reads this.').max(2000),
  by: partySchema,
});

/** The JSON body read by a schema, or the answer that refuses it: 400 when it is not JSON, 422 located otherwise. */
async function bodyOf<T extends z.ZodType>(c: FhirContext, schema: T): Promise<z.output<T> | Response> {
  let data: unknown;
  try {
    data = JSON.parse(await c.req.text());
  } catch {
    return outcome(c, 400, [{ code: 'invalid', message: 'The body is not JSON.' }]);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues: Issue[] = located(parsed.error.issues, data).map(({ path, message }) => ({
    code: 'invalid',
    ...(path === '(the file)' ? {} : { path }),
    message: `${path === '(the file)' ? 'The body' : path}: ${message}`,
  }));
  return outcome(c, 422, issues);
}

/** The service named in the path, or the 404 that says there is none. */
async function serviceIn(service: Service, c: FhirContext) {
  const id = c.req.param('id') ?? '';
  const found = serviceIdSchema.safeParse(id).success ? await getService(service.db, id) : undefined;
  return found ?? outcome(c, 404, [{ code: 'not-found', message: `There is no service “${id}” on this queue.` }]);
}

function decided(c: FhirContext, result: DecideResult, answer: (ok: DecideResult & { ok: true }) => unknown) {
  if (result.ok) return fhirJson(c, 200, answer(result), { 'Content-Type': 'application/json' });
  switch (result.problem) {
    case 'not-found':
      return outcome(c, 404, [
        { code: 'not-found', message: 'No such proposal between this practice and this service.' },
      ]);
    case 'own-side':
      return outcome(c, 422, [
        {
          code: 'business-rule',
          message: 'This proposal is the practice’s own: the service agrees it or sends it back.',
        },
      ]);
    case 'decided':
      return outcome(c, 409, [{ code: 'conflict', message: 'This proposal has already been agreed or sent back.' }]);
  }
}

/**
 * The practice's side of the services (issue 16), with its token: its directory as FHIR HealthcareService, and the
 * model versions it proposes to a service, agrees or sends back. The practice may decide only the service's proposals.
 */
export function serviceRoutes(fhir: Hono<PracticeVariables>, service: Service): void {
  fhir.get('/HealthcareService', async (c) =>
    fhirJson(c, 200, directoryToBundle(await agreementsInForce(service.db, c.get('odsCode')))),
  );

  fhir.post('/HealthcareService/:id/$propose-model', async (c) => {
    const found = await serviceIn(service, c);
    if (found instanceof Response) return found;
    const body = await bodyOf(c, proposeSchema);
    if (body instanceof Response) return body;
    const proposal = { serviceId: found.id, practice: c.get('odsCode'), side: 'practice' as const, ...body };
    const result = await proposeModel(service.db, proposal, service.now(), c.get('odsCode'));
    if (!result.ok)
      return outcome(c, 404, [{ code: 'not-found', message: 'The service or practice is not on this queue.' }]);
    return fhirJson(c, 201, result.proposal, { 'Content-Type': 'application/json' });
  });

  fhir.get('/HealthcareService/:id/$proposals', async (c) => {
    const found = await serviceIn(service, c);
    if (found instanceof Response) return found;
    const proposals = await proposalsFor(service.db, found.id, c.get('odsCode'));
    return fhirJson(c, 200, proposals, { 'Content-Type': 'application/json' });
  });

  fhir.post('/HealthcareService/:id/$agree-model', async (c) => {
    const found = await serviceIn(service, c);
    if (found instanceof Response) return found;
    const body = await bodyOf(c, agreeSchema);
    if (body instanceof Response) return body;
    const where = {
      proposalId: body.proposalId,
      serviceId: found.id,
      practice: c.get('odsCode'),
      side: 'practice' as const,
    };
    const decision = {
      decision: 'agree' as const,
      by: body.agreedBy,
      ...(body.reviewBy ? { reviewBy: body.reviewBy } : {}),
    };
    const result = await decideProposal(service.db, where, decision, service.now(), c.get('odsCode'));
    return decided(c, result, (ok) => ok.agreed);
  });

  fhir.post('/HealthcareService/:id/$send-back', async (c) => {
    const found = await serviceIn(service, c);
    if (found instanceof Response) return found;
    const body = await bodyOf(c, sendBackSchema);
    if (body instanceof Response) return body;
    const where = {
      proposalId: body.proposalId,
      serviceId: found.id,
      practice: c.get('odsCode'),
      side: 'practice' as const,
    };
    const decision = { decision: 'send-back' as const, by: body.by, comment: body.comment };
    const result = await decideProposal(service.db, where, decision, service.now(), c.get('odsCode'));
    return decided(c, result, (ok) => ok.proposal);
  });
}
