/** What "Test connection" found, said plainly for a practice champion. */
export type ConnectionResult = { ok: boolean; message: string };

type Fetch = (url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<Response>;

/**
 * Asks the queue for its FHIR capability statement (GET <endpoint>/metadata, with the practice token) and says what
 * happened: connected (and which FHIR version), the token refused, another answer, or not reached at all.
 */
export async function testConnection(
  endpoint: string,
  token: string,
  { fetch: fetchFn = fetch as Fetch, timeoutMs = 10_000 }: { fetch?: Fetch; timeoutMs?: number } = {},
): Promise<ConnectionResult> {
  const url = `${endpoint.replace(/\/+$/, '')}/metadata`;
  let response: Response;
  try {
    response = await fetchFn(url, {
      headers: { Accept: 'application/fhir+json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError' ? `no answer in ${timeoutMs / 1000} seconds` : (error as Error).message;
    return {
      ok: false,
      message: `Could not reach the queue at ${url} (${reason}). Check the address, and that this computer can reach it.`,
    };
  }
  if (response.status === 401 || response.status === 403) {
    return {
      ok: false,
      message: `The queue answered but refused the practice token (HTTP ${response.status}). Check the token with the queue’s administrator.`,
    };
  }
  if (!response.ok) {
    return { ok: false, message: `The queue answered with an error (HTTP ${response.status} ${response.statusText}).` };
  }
  const body = (await response.json().catch(() => undefined)) as
    | { resourceType?: unknown; fhirVersion?: unknown; software?: { name?: unknown } }
    | undefined;
  if (body?.resourceType !== 'CapabilityStatement') {
    return {
      ok: false,
      message: `Something answered at ${url}, but not a FHIR queue (no capability statement). Check the endpoint: it usually ends in /fhir.`,
    };
  }
  const software = typeof body.software?.name === 'string' ? `${body.software.name}, ` : '';
  return {
    ok: true,
    message: `Connected: the queue answered (${software}FHIR ${String(body.fhirVersion ?? 'version not given')}). The token itself is checked with the first referral sent.`,
  };
}
