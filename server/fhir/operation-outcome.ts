import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { fhir4 } from '../../domain/fhir';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export type Issue = {
  /** FHIR's issue type: invalid, security, login, not-found, conflict, too-long, not-supported, exception… */
  code: fhir4.OperationOutcomeIssue['code'];
  message: string;
  /** Where in the body, e.g. `entry[1].resource.identifier`. */
  path?: string;
};

/** What every error on the FHIR routes answers with: a message a person can act on, located when it can be; never a stack. */
export function operationOutcome(issues: Issue[]): fhir4.OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((issue) => ({
      severity: 'error',
      code: issue.code,
      diagnostics: issue.message,
      details: { text: issue.message },
      ...(issue.path !== undefined && issue.path !== '' ? { expression: [issue.path] } : {}),
    })),
  };
}

export function fhirJson(
  c: Context,
  status: ContentfulStatusCode,
  body: unknown,
  headers: Record<string, string> = {},
) {
  // A Task, a referral or a directory is never kept in a browser's HTTP cache: it holds patient data, and a Task read
  // again must be the link worker's latest word, not a copy a heuristic kept fresh (OPEN-6 was partly this).
  return c.body(JSON.stringify(body), status, { 'Content-Type': FHIR_JSON, 'Cache-Control': 'no-store', ...headers });
}

export function outcome(
  c: Context,
  status: ContentfulStatusCode,
  issues: Issue[],
  headers: Record<string, string> = {},
) {
  return fhirJson(c, status, operationOutcome(issues), headers);
}
