import { z } from 'zod';

/** What the queue service answers, parsed at this boundary. */

const transactionResponseSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('transaction-response'),
  entry: z
    .array(
      z.object({
        response: z.object({ status: z.string(), location: z.string().optional() }).optional(),
        resource: z.object({ resourceType: z.string(), id: z.string().optional() }).optional(),
      }),
    )
    .default([]),
});

export type ServiceIds = { serviceRequestId?: string; taskId?: string };

/** The ServiceRequest and Task ids the service gave the referral, from the entries' locations (or resources). */
export function serviceIds(body: unknown): ServiceIds | undefined {
  const parsed = transactionResponseSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const ids: ServiceIds = {};
  for (const entry of parsed.data.entry) {
    const found =
      located(entry.response?.location) ??
      (entry.resource?.id ? [entry.resource.resourceType, entry.resource.id] : undefined);
    if (!found) continue;
    if (found[0] === 'ServiceRequest') ids.serviceRequestId = found[1];
    if (found[0] === 'Task') ids.taskId = found[1];
  }
  return ids;
}

/** "ServiceRequest/123", "ServiceRequest/123/_history/1" or an absolute URL ending so → ["ServiceRequest", "123"]. */
function located(location: string | undefined): [string, string] | undefined {
  const match = location?.match(/(?:^|\/)(ServiceRequest|Task)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/);
  return match ? [match[1] as string, match[2] as string] : undefined;
}

const operationOutcomeSchema = z.object({
  resourceType: z.literal('OperationOutcome'),
  issue: z.array(
    z.object({
      severity: z.string().optional(),
      diagnostics: z.string().optional(),
      details: z.object({ text: z.string().optional() }).optional(),
      expression: z.array(z.string()).optional(),
    }),
  ),
});

/** The service's reason for refusing a referral, in its own words, for the referrer to read. */
export function refusalReason(status: number, body: unknown): string {
  const parsed = operationOutcomeSchema.safeParse(body);
  const reasons = parsed.success
    ? parsed.data.issue
        .map((issue) => {
          const text = issue.details?.text ?? issue.diagnostics;
          const where = issue.expression?.length ? ` (${issue.expression.join(', ')})` : '';
          return text ? `${text}${where}` : undefined;
        })
        .filter((text) => text !== undefined)
    : [];
  const said = reasons.length ? `: ${reasons.join('; ')}` : '.';
  return `The queue service refused the referral (HTTP ${status})${said}`.slice(0, 1000);
}

/** JSON when it is JSON; otherwise nothing (a proxy's HTML error page says nothing we can use). */
export function jsonOrNothing(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
