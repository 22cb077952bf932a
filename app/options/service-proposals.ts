import { z } from 'zod';
import type { ServiceModel } from '../../domain/model/model';
import { agreedModelSchema, type Party, type Proposal, proposalSchema } from '../../domain/service/agreement';
import type { QueueSettings } from '../../domain/settings/settings';

/** What the queue answered, or why there is nothing, said for the champion. */
export type Answered<T> = { ok: true; value: T } | { ok: false; message: string };

type Fetch = typeof fetch;

const outcomeSchema = z.object({
  resourceType: z.literal('OperationOutcome'),
  issue: z.array(z.object({ diagnostics: z.string().optional(), expression: z.array(z.string()).optional() })),
});

/**
 * The practice's side of agreeing a model with a service, on the queue with the practice token (as the options page's
 * Test connection reaches it): this practice's proposals with a service, a proposal of its own, and its answer to
 * one the service made (agree, or send back with a comment).
 */
export function serviceProposals(queue: QueueSettings, fetchFn: Fetch = (...args) => fetch(...args)) {
  const base = queue.endpoint.replace(/\/+$/, '');
  const at = (serviceId: string, operation: string) =>
    `${base}/HealthcareService/${encodeURIComponent(serviceId)}/${operation}`;

  async function call<T>(url: string, schema: z.ZodType<T>, body?: unknown): Promise<Answered<T>> {
    let response: Response;
    try {
      response = await fetchFn(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${queue.token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(20_000),
      });
    } catch (error) {
      return { ok: false, message: `Could not reach the queue at ${url} (${(error as Error).message}).` };
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) return { ok: false, message: refusal(response.status, json) };
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(the answer)').join(', ');
      return { ok: false, message: `The queue’s answer could not be read (${where}).` };
    }
    return { ok: true, value: parsed.data };
  }

  return {
    list: (serviceId: string) => call(at(serviceId, '$proposals'), z.array(proposalSchema)),
    propose: (serviceId: string, model: ServiceModel, proposedBy: Party) =>
      call(at(serviceId, '$propose-model'), proposalSchema, { model, proposedBy }),
    agree: (serviceId: string, proposalId: string, agreedBy: Party) =>
      call(at(serviceId, '$agree-model'), agreedModelSchema, { proposalId, agreedBy }),
    sendBack: (serviceId: string, proposalId: string, comment: string, by: Party) =>
      call(at(serviceId, '$send-back'), proposalSchema, { proposalId, comment, by }),
  };
}

export type ServiceProposals = ReturnType<typeof serviceProposals>;
export type { Proposal };

/** The queue's own words for a refusal (its OperationOutcome), else the status. */
function refusal(status: number, json: unknown): string {
  if (status === 401 || status === 403) {
    return `The queue refused this practice’s token (HTTP ${status}): check it under “Queue”.`;
  }
  const outcome = outcomeSchema.safeParse(json);
  const words = outcome.success
    ? outcome.data.issue
        .map((issue) => [issue.diagnostics, issue.expression?.length ? `(at ${issue.expression.join(', ')})` : ''])
        .map((parts) => parts.filter(Boolean).join(' '))
        .filter(Boolean)
        .join(' ')
    : '';
  return `The queue refused it (HTTP ${status})${words ? `: ${words}` : '.'}`;
}
