import { z } from 'zod';
import { readDirectoryBundle } from '../../../domain/fhir/directory';
import type { FhirProblem } from '../../../domain/fhir/problems';
import type { Directory } from '../../../domain/service/directory';
import type { QueueSettings } from '../../../domain/settings/settings';

type Fetch = (url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<Response>;

export type FetchedDirectory =
  | { ok: true; directory: Directory; practice: { odsCode: string; name: string } }
  | { ok: false; problem: string };

const practiceSearchSchema = z.object({
  entry: z
    .array(
      z.object({
        resource: z.object({
          resourceType: z.literal('Organization'),
          name: z.string(),
          identifier: z.array(z.object({ value: z.string() })).min(1),
        }),
      }),
    )
    .length(1),
});

/**
 * The practice's directory from its queue: `GET <endpoint>/HealthcareService` (the services with a model agreed with
 * this practice) and `GET <endpoint>/Organization` (which practice the token speaks for, and its name), both with the
 * practice token. Says plainly why when it cannot: not reached, the token refused, or an answer it cannot read.
 */
export async function fetchDirectory(
  queue: QueueSettings,
  { fetch: fetchFn, now, timeoutMs = 20_000 }: { fetch: Fetch; now: () => number; timeoutMs?: number },
): Promise<FetchedDirectory> {
  const base = queue.endpoint.replace(/\/+$/, '');
  const signal = AbortSignal.timeout(timeoutMs);
  const get = (path: string) =>
    getJson(fetchFn, `${base}/${path}`, {
      headers: { Accept: 'application/fhir+json', Authorization: `Bearer ${queue.token}` },
      signal,
    });
  const [services, who] = await Promise.all([get('HealthcareService'), get('Organization')]);
  if (!services.ok) return services;
  if (!who.ok) return who;

  const practice = practiceSearchSchema.safeParse(who.json);
  const read = readDirectoryBundle(services.json);
  if (!practice.success) return { ok: false, problem: `The queue could not say which practice the token is for.` };
  if (!read.ok) return { ok: false, problem: `The directory from the queue could not be read: ${problemsOf(read)}.` };
  const organization = practice.data.entry[0]?.resource;
  const odsCode = organization?.identifier[0]?.value ?? '';
  // A queue must never hand a practice another practice's agreements: refuse the lot rather than offer them.
  const foreign = read.entries.find((entry) => entry.agreement.practice !== odsCode);
  if (foreign) {
    return {
      ok: false,
      problem: `The directory from the queue holds an agreement of another practice (${foreign.agreement.practice}), not ${odsCode}: it was not used.`,
    };
  }
  return {
    ok: true,
    directory: { practice: odsCode, fetchedAt: new Date(now()).toISOString(), entries: read.entries },
    practice: { odsCode, name: organization?.name ?? odsCode },
  };
}

type Got = { ok: true; json: unknown } | { ok: false; problem: string };

async function getJson(
  fetchFn: Fetch,
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
): Promise<Got> {
  let response: Response;
  try {
    response = await fetchFn(url, init);
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError' ? 'no answer in time' : (error as Error).message || 'no answer';
    return { ok: false, problem: `Could not reach the queue at ${url} (${reason}).` };
  }
  if (response.status === 401 || response.status === 403) {
    return {
      ok: false,
      problem: `The queue refused this practice’s token (HTTP ${response.status}) at ${url}: check it under “Queue”.`,
    };
  }
  if (!response.ok) return { ok: false, problem: `The queue answered HTTP ${response.status} at ${url}.` };
  try {
    return { ok: true, json: await response.json() };
  } catch {
    return { ok: false, problem: `The queue’s answer at ${url} is not JSON.` };
  }
}

function problemsOf(read: { problems: FhirProblem[] }): string {
  return read.problems
    .slice(0, 3)
    .map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message))
    .join('; ');
}
