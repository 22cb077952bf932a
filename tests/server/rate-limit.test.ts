import { describe, expect, it } from 'vitest';
import type { fhir4 } from '../../domain/fhir';
import { readTask } from '../../test-support/queue/queue';
import { queueForTests } from '../../test-support/queue/queue-for-tests';

const TASK = '11111111-1111-4111-8111-111111111111';

describe('a practice token flooding the FHIR routes', () => {
  const queue = queueForTests({ rateLimit: { perMinute: 60, burst: 5 } });

  it('gets 429 with an OperationOutcome and Retry-After once past its limit, other practices are served, and the token is served again once the bucket refills', async () => {
    const token = queue.tokens.L81001;
    for (let i = 0; i < 5; i++) expect((await readTask(queue, TASK, token)).status).toBe(404);

    const refused = await readTask(queue, TASK, token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-type')).toContain('application/fhir+json');
    const body = (await refused.json()) as fhir4.OperationOutcome;
    expect(body.resourceType).toBe('OperationOutcome');
    expect(body.issue[0]?.code).toBe('throttled');

    expect((await readTask(queue, TASK, queue.tokens.Y02345)).status).toBe(404);

    queue.advance(1000);
    expect((await readTask(queue, TASK, token)).status).toBe(404);
    expect((await readTask(queue, TASK, token)).status).toBe(429);
  });
});
