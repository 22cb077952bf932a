import { describe, expect, it } from 'vitest';
import { readDirectoryBundle } from '../../domain/fhir/directory';
import { BOUNDARIED_VCSE_MODEL } from '../../domain/model/examples';
import type { AgreedModel, Proposal } from '../../domain/service/agreement';
import { decideProposal, proposeModel } from '../../server/store/services';
import type { Outcome, Queue } from '../../test-support/queue/queue';
import { queueForTests } from '../../test-support/queue/queue-for-tests';

const champion = { name: 'Dr Amina Patel', role: 'GP partner', organisation: 'Riverside Surgery' };
const lead = { name: 'Sam Lee', role: 'Service lead', organisation: 'Kingsmead Community Trust' };

function call(queue: Queue, path: string, options: { token?: string; body?: unknown; raw?: string } = {}) {
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return fetch(`${queue.url}/fhir${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${options.token ?? queue.tokens.L81001}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body }),
  });
}

async function issues(response: Response) {
  return ((await response.json()) as Outcome).issue.map((issue) => ({
    where: issue.expression?.[0],
    message: issue.diagnostics,
  }));
}

describe('the practice’s directory and agreements over FHIR', () => {
  const queue = queueForTests();

  it('gives each practice the services it has agreed a model with, as HealthcareService, and nothing without a token', async () => {
    const response = await call(queue, '/HealthcareService');
    expect(response.status).toBe(200);
    const read = readDirectoryBundle(await response.json());
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const versions = Object.fromEntries(read.entries.map((entry) => [entry.service.id, entry.agreement.version]));
    expect(versions).toEqual({
      'bristol-community-connectors': 2,
      'kingsmead-connect': 2,
      'kingsmead-valley-pcn': 4,
      'riverside-link-workers': 3,
    });
    const hillside = readDirectoryBundle(
      await (await call(queue, '/HealthcareService', { token: queue.tokens.Y02345 })).json(),
    );
    expect(hillside.ok && hillside.entries.map((entry) => [entry.service.id, entry.agreement.version])).toEqual([
      ['riverside-link-workers', 1],
    ]);
    expect((await call(queue, '/HealthcareService', { token: 'spq_made-up' })).status).toBe(401);
  });

  it('takes a practice’s proposal, lists it, and once the service agrees it is the version in force', async () => {
    const response = await call(queue, '/HealthcareService/kingsmead-connect/$propose-model', {
      body: { model: BOUNDARIED_VCSE_MODEL, proposedBy: champion },
    });
    expect(response.status).toBe(201);
    const proposal = (await response.json()) as Proposal;
    expect(proposal).toMatchObject({
      version: 3,
      basedOn: 2,
      side: 'practice',
      status: 'proposed',
      practice: 'L81001',
    });

    const listed = (await (await call(queue, '/HealthcareService/kingsmead-connect/$proposals')).json()) as Proposal[];
    expect(listed[0]?.id).toBe(proposal.id);
    const elsewhere = await call(queue, '/HealthcareService/kingsmead-connect/$proposals', {
      token: queue.tokens.Y02345,
    });
    expect(await elsewhere.json()).toEqual([]);

    // The practice cannot agree its own proposal; the service does, on its pages (here, the store).
    const own = await call(queue, '/HealthcareService/kingsmead-connect/$agree-model', {
      body: { proposalId: proposal.id, agreedBy: champion },
    });
    expect(own.status).toBe(422);
    const where = { proposalId: proposal.id, serviceId: 'kingsmead-connect', side: 'service' as const };
    await decideProposal(queue.db, where, { decision: 'agree', by: lead }, new Date());
    const directory = readDirectoryBundle(await (await call(queue, '/HealthcareService')).json());
    const entry = directory.ok ? directory.entries.find((e) => e.service.id === 'kingsmead-connect') : undefined;
    expect(entry?.agreement).toMatchObject({ version: 3, agreedBy: { practice: champion, service: lead } });
  });

  it('lets the practice agree or send back the service’s proposals to it, and no other practice’s', async () => {
    const propose = async () => {
      const made = await proposeModel(
        queue.db,
        {
          serviceId: 'kingsmead-connect',
          practice: 'L81001',
          side: 'service',
          model: BOUNDARIED_VCSE_MODEL,
          proposedBy: lead,
        },
        new Date(),
      );
      if (!made.ok) throw new Error(made.problem);
      return made.proposal;
    };
    const first = await propose();
    const otherPractice = await call(queue, '/HealthcareService/kingsmead-connect/$agree-model', {
      token: queue.tokens.Y02345,
      body: { proposalId: first.id, agreedBy: champion },
    });
    expect(otherPractice.status).toBe(404);
    const agreed = await call(queue, '/HealthcareService/kingsmead-connect/$agree-model', {
      body: { proposalId: first.id, agreedBy: champion, reviewBy: '2027-06-30' },
    });
    expect(agreed.status).toBe(200);
    expect((await agreed.json()) as AgreedModel).toMatchObject({
      version: first.version,
      reviewBy: '2027-06-30',
      agreedBy: { practice: champion, service: lead },
    });
    const again = await call(queue, '/HealthcareService/kingsmead-connect/$send-back', {
      body: { proposalId: first.id, comment: 'Too late', by: champion },
    });
    expect(again.status).toBe(409);

    const second = await propose();
    const back = await call(queue, '/HealthcareService/kingsmead-connect/$send-back', {
      body: { proposalId: second.id, comment: 'Our patients are 50 and over, not 55.', by: champion },
    });
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject({
      status: 'sent-back',
      comment: 'Our patients are 50 and over, not 55.',
      decidedBy: champion,
    });
  });

  it('refuses a bad body where it is bad, a body that is not JSON, and a service that is not there', async () => {
    const bad = await call(queue, '/HealthcareService/kingsmead-connect/$propose-model', {
      body: { model: { ...BOUNDARIED_VCSE_MODEL, kind: 'closed' }, proposedBy: { name: 'Dr Patel' } },
    });
    expect(bad.status).toBe(422);
    expect(await issues(bad)).toEqual(
      expect.arrayContaining([
        { where: 'model.kind', message: 'model.kind: Must be one of "open", "boundaried".' },
        { where: 'proposedBy.role', message: 'proposedBy.role: This field is missing.' },
      ]),
    );
    const noComment = await call(queue, '/HealthcareService/kingsmead-connect/$send-back', {
      body: { proposalId: crypto.randomUUID(), comment: ' ', by: champion },
    });
    expect(await issues(noComment)).toEqual([
      { where: 'comment', message: 'comment: Say why it is sent back: the other side reads this.' },
    ]);
    const notJson = await call(queue, '/HealthcareService/kingsmead-connect/$propose-model', { raw: '{"model":' });
    expect(notJson.status).toBe(400);
    const nowhere = await call(queue, '/HealthcareService/nowhere/$proposals');
    expect(nowhere.status).toBe(404);
  });
});
