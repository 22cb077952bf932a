// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceProposals } from '../../app/options/service-proposals';
import { BOUNDARIED_VCSE_MODEL } from '../../domain/model/examples';
import type { Pathway } from '../../domain/model/model';
import {
  addAgreedService,
  addPracticeWithToken,
  agreeAs,
  kingsmeadConnect55 as kingsmeadConnect,
  leadOf,
  serviceProposes,
  storedProposals,
} from '../../test-support/queue/agreed-service';
import { type Queue, startQueue } from '../../test-support/queue/queue';

/** The options page's side of agreeing a model, against the real queue over HTTP with the practice token. */
let queue: Queue;
const champion = { name: 'Priya Shah', role: 'Practice manager', organisation: 'Parkside Surgery' };
/** A practice of this file's own, with one service agreed. */
const PRACTICE = 'P84001';
let token = '';
const lead = leadOf(kingsmeadConnect);
const practice = () => serviceProposals({ endpoint: `${queue.url}/fhir`, token });
const [isolated55, ...otherGroups] = BOUNDARIED_VCSE_MODEL.scope.pathways as [Pathway, ...Pathway[]];
const older = {
  ...BOUNDARIED_VCSE_MODEL,
  scope: { ...BOUNDARIED_VCSE_MODEL.scope, pathways: [{ ...isolated55, minAge: 50 }, ...otherGroups] },
};

beforeAll(async () => {
  queue = await startQueue('pglite');
  token = await addPracticeWithToken(queue.db, { odsCode: PRACTICE, name: 'Parkside Surgery' });
  await addAgreedService(queue.db, {
    service: kingsmeadConnect,
    practice: PRACTICE,
    model: BOUNDARIED_VCSE_MODEL,
    champion,
  });
}, 120_000); // the embedded database's first start

afterAll(async () => {
  await queue?.stop();
});

describe('the practice’s proposals with a service', () => {
  it('proposes a model in the champion’s name; the service agrees it; the list says so', async () => {
    const proposed = await practice().propose(kingsmeadConnect.id, older, champion);
    expect(proposed).toMatchObject({
      ok: true,
      value: { version: 2, basedOn: 1, side: 'practice', status: 'proposed', proposedBy: champion },
    });
    const listed = await practice().list(kingsmeadConnect.id);
    expect(listed.ok && listed.value.map((proposal) => [proposal.version, proposal.status])).toEqual([
      [2, 'proposed'],
      [1, 'agreed'],
    ]);
    const [stored] = await storedProposals(queue.db, kingsmeadConnect.id, PRACTICE);
    await agreeAs(queue.db, 'service', stored as NonNullable<typeof stored>, lead);
    const after = await practice().list(kingsmeadConnect.id);
    expect(after.ok && after.value[0]).toMatchObject({ version: 2, status: 'agreed', decidedBy: lead });
  });

  it('agrees a proposal the service made, or sends one back with a comment', async () => {
    const toAgree = await serviceProposes(queue.db, kingsmeadConnect, PRACTICE, BOUNDARIED_VCSE_MODEL);
    const agreed = await practice().agree(kingsmeadConnect.id, toAgree.id, champion);
    expect(agreed).toMatchObject({
      ok: true,
      value: { version: toAgree.version, agreedBy: { practice: champion, service: lead } },
    });
    const toSendBack = await serviceProposes(queue.db, kingsmeadConnect, PRACTICE, older);
    const sentBack = await practice().sendBack(kingsmeadConnect.id, toSendBack.id, 'We refer from 55.', champion);
    expect(sentBack).toMatchObject({
      ok: true,
      value: { status: 'sent-back', comment: 'We refer from 55.', decidedBy: champion },
    });
  });

  it('says why the queue refuses: the practice’s own proposal, another practice’s, a wrong token', async () => {
    const own = await practice().propose(kingsmeadConnect.id, older, champion);
    const ownId = own.ok ? own.value.id : '';
    const refused = await practice().agree(kingsmeadConnect.id, ownId, champion);
    expect(refused.ok).toBe(false);
    expect(refused.ok || refused.message).toMatch(/^The queue refused it \(HTTP 4\d\d\): ./);

    const other = serviceProposals({ endpoint: `${queue.url}/fhir`, token: queue.tokens.Y02345 });
    const notTheirs = await other.sendBack(kingsmeadConnect.id, ownId, 'Not ours.', champion);
    expect(notTheirs.ok || notTheirs.message).toMatch(/^The queue refused it \(HTTP 404\)/);

    const wrong = serviceProposals({ endpoint: `${queue.url}/fhir`, token: 'spq_not-a-token-this-queue-issued' });
    expect(await wrong.list(kingsmeadConnect.id)).toEqual({
      ok: false,
      message: 'The queue refused this practice’s token (HTTP 401): check it under “Queue”.',
    });
  });
});
