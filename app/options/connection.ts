import { z } from 'zod';

/** What "Test connection" found, said plainly for a practice champion. */
export type ConnectionResult = { ok: boolean; message: string };

type Fetch = (url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<Response>;

const capabilitySchema = z.object({ resourceType: z.literal('CapabilityStatement') });
const practiceSearchSchema = z.object({
  resourceType: z.literal('Bundle'),
  entry: z
    .array(
      z.object({
        resource: z.object({
          resourceType: z.literal('Organization'),
          name: z.string().optional(),
          identifier: z.array(z.object({ value: z.string() })).min(1),
        }),
      }),
    )
    .length(1),
});

/**
 * Asks the queue what it is (GET <endpoint>/metadata) and then, with the practice token, which practice the token
 * speaks for (GET <endpoint>/Organization), and says what happened: connected as that practice, the token refused,
 * not the queue's FHIR service at that address (and what answered instead), or not reached at all.
 */
export async function testConnection(
  endpoint: string,
  token: string,
  { fetch: fetchFn = fetch as Fetch, timeoutMs = 10_000 }: { fetch?: Fetch; timeoutMs?: number } = {},
): Promise<ConnectionResult> {
  const base = endpoint.replace(/\/+$/, '');
  const signal = AbortSignal.timeout(timeoutMs);
  const get = (url: string, headers: Record<string, string> = {}) =>
    fetchFn(url, { headers: { Accept: 'application/fhir+json', ...headers }, signal });

  const metadataUrl = `${base}/metadata`;
  let metadata: Response;
  try {
    metadata = await get(metadataUrl);
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError' ? `no answer in ${timeoutMs / 1000} seconds` : (error as Error).message;
    return {
      ok: false,
      message: `Could not reach the queue at ${metadataUrl} (${reason}). Check the address, and that this computer can reach it.`,
    };
  }
  const capability = capabilitySchema.safeParse(await metadata.json().catch(() => undefined));
  if (!metadata.ok || !capability.success) return notTheQueue(base, metadataUrl, metadata);

  if (!token) return { ok: false, message: 'The queue answered, but no practice token is set: enter the token.' };
  const whoUrl = `${base}/Organization`;
  let who: Response;
  try {
    who = await get(whoUrl, { Authorization: `Bearer ${token}` });
  } catch (error) {
    return { ok: false, message: `The queue stopped answering at ${whoUrl} (${(error as Error).message}).` };
  }
  if (who.status === 401 || who.status === 403) {
    return {
      ok: false,
      message: `The queue refused this practice’s token (HTTP ${who.status}): it is not known, or it has expired or been revoked. Ask the queue’s administrator for the practice’s token.`,
    };
  }
  const practice = practiceSearchSchema.safeParse(await who.json().catch(() => undefined));
  if (!who.ok || !practice.success) {
    return {
      ok: false,
      message: `The queue answered, but could not say which practice the token is for (HTTP ${status(who)} at ${whoUrl}). The token is checked with the first referral sent.`,
    };
  }
  const organization = practice.data.entry[0]?.resource;
  const odsCode = organization?.identifier[0]?.value;
  return { ok: true, message: `Connected as ${organization?.name ?? 'the practice'} (${odsCode}).` };
}

/** Something answered, but not the queue's FHIR service: say what, and where it usually is. */
function notTheQueue(base: string, url: string, response: Response): ConnectionResult {
  const type = response.headers.get('Content-Type')?.split(';')[0];
  const what = `HTTP ${status(response)}${type ? `, ${type}` : ''}`;
  const hint = /\/fhir$/.test(base)
    ? 'Check the endpoint with the queue’s administrator.'
    : `Check the endpoint: the queue’s FHIR address usually ends in /fhir (for example ${base}/fhir).`;
  return {
    ok: false,
    message: `Something answered at ${url} (${what}), but not the queue’s FHIR service. ${hint}`,
  };
}

function status(response: Response): string {
  return `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
}
