import type { z } from 'zod';

/** Something wrong with a FHIR body, located by its path in the body (e.g. `entry[1].resource.identifier`; '' is the whole body). */
export type FhirProblem = {
  path: string;
  message: string;
  /** Well-formed, but the referral it carries is refused: a text it cannot hold, or a clinical rule (HTTP 422). */
  unprocessable?: true;
};

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

export function joinPath(base: string, rest: readonly PropertyKey[]): string {
  const tail = formatPath(rest);
  if (!base) return tail;
  return !tail || tail.startsWith('[') ? `${base}${tail}` : `${base}.${tail}`;
}

export function zodProblems(error: z.ZodError, base = ''): FhirProblem[] {
  return error.issues.map((issue) => ({ path: joinPath(base, issue.path), message: issue.message }));
}
