import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOUNDARIED_VCSE_MODEL, OPEN_PCN_MODEL } from '../../domain/model/examples';
import type { Db } from '../../server/store/db';
import { openDb } from '../../server/store/open';
import { addPractice } from '../../server/store/practices';
import {
  addService,
  agreedVersions,
  agreementFor,
  agreementsInForce,
  decideProposal,
  getService,
  listServices,
  proposalsFor,
  proposeModel,
  setCapacity,
  updateService,
} from '../../server/store/services';
import { kingsmeadConnect, valleyPcn } from '../../test-support/fixtures/services';

const AT = new Date('2026-12-03T10:00:00Z');
const champion = { name: 'Dr Amina Patel', role: 'GP partner', organisation: 'Riverside Surgery' };
const lead = { name: 'Sam Lee', role: 'Service lead', organisation: 'Kingsmead Community Trust' };

let db: Db;
beforeAll(async () => {
  db = await openDb({ dataDir: 'memory' });
  await addPractice(db, { odsCode: 'L81001', name: 'Riverside Surgery' });
  await addPractice(db, { odsCode: 'Y02345', name: 'Hillside Health Centre' });
  await addService(db, kingsmeadConnect, AT);
  await addService(db, valleyPcn, AT);
});
afterAll(async () => {
  await db?.close();
});

async function proposed(
  serviceId: string,
  practice: string,
  side: 'practice' | 'service',
  model = BOUNDARIED_VCSE_MODEL,
) {
  const result = await proposeModel(
    db,
    { serviceId, practice, side, model, proposedBy: side === 'practice' ? champion : lead },
    AT,
  );
  if (!result.ok) throw new Error(result.problem);
  return result.proposal;
}

describe('services on the queue', () => {
  it('keeps a service’s details and capacity, and changes them', async () => {
    expect(await getService(db, kingsmeadConnect.id)).toEqual(kingsmeadConnect);
    expect((await listServices(db)).map((service) => service.id)).toEqual([
      'kingsmead-connect',
      'kingsmead-valley-pcn-sp',
    ]);
    await expect(addService(db, kingsmeadConnect, AT)).rejects.toThrow('already on this queue');
    const { id: _id, capacity: _capacity, ...details } = valleyPcn;
    expect(await updateService(db, valleyPcn.id, { ...details, hours: 'Weekdays 8 to 6' }, AT)).toBe(true);
    expect(await setCapacity(db, valleyPcn.id, { state: 'paused', until: '2027-01-05', note: 'Training' }, AT)).toBe(
      true,
    );
    expect(await getService(db, valleyPcn.id)).toMatchObject({
      hours: 'Weekdays 8 to 6',
      capacity: { state: 'paused' },
    });
    expect(await setCapacity(db, 'no-such-service', { state: 'accepting' }, AT)).toBe(false);
    await setCapacity(db, valleyPcn.id, valleyPcn.capacity, AT);
  });
});

describe('a model agreed by both sides', () => {
  it('numbers versions by the service across its practices, and agrees one into the directory', async () => {
    const first = await proposed(kingsmeadConnect.id, 'L81001', 'practice');
    const second = await proposed(kingsmeadConnect.id, 'Y02345', 'service');
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(first.model.version).toBe(1);
    expect(await agreementsInForce(db, 'L81001')).toEqual([]);

    const decided = await decideProposal(
      db,
      { proposalId: first.id, serviceId: kingsmeadConnect.id, side: 'service' },
      { decision: 'agree', by: lead },
      AT,
    );
    expect(decided).toMatchObject({ ok: true, proposal: { status: 'agreed', decidedBy: lead } });
    const agreed = decided.ok ? decided.agreed : undefined;
    expect(agreed).toMatchObject({
      version: 1,
      practice: 'L81001',
      agreedBy: { practice: champion, service: lead },
      reviewBy: '2027-12-02',
    });
    expect(agreed?.model.agreement).toMatchObject({
      agreedOn: '2026-12-03',
      reviewBy: '2027-12-02',
      agreedBy: ['Dr Amina Patel, GP partner, Riverside Surgery', 'Sam Lee, Service lead, Kingsmead Community Trust'],
    });
    expect(await agreementsInForce(db, 'L81001')).toEqual([{ service: kingsmeadConnect, agreement: agreed }]);
    expect(await agreementFor(db, 'L81001', kingsmeadConnect.id, 1)).toEqual(agreed);
    expect(await agreementFor(db, 'Y02345', kingsmeadConnect.id, 1)).toBeUndefined();
    expect(await agreementFor(db, 'L81001', kingsmeadConnect.id, 2)).toBeUndefined();
  });

  it('lets neither side decide its own proposal, another practice’s, or one already decided', async () => {
    const mine = await proposed(valleyPcn.id, 'L81001', 'practice', OPEN_PCN_MODEL);
    const where = { proposalId: mine.id, serviceId: valleyPcn.id };
    const agree = { decision: 'agree', by: champion } as const;
    expect(await decideProposal(db, { ...where, practice: 'L81001', side: 'practice' }, agree, AT)).toEqual({
      ok: false,
      problem: 'own-side',
    });
    expect(await decideProposal(db, { ...where, practice: 'Y02345', side: 'practice' }, agree, AT)).toEqual({
      ok: false,
      problem: 'not-found',
    });
    expect(await decideProposal(db, { ...where, serviceId: kingsmeadConnect.id, side: 'service' }, agree, AT)).toEqual({
      ok: false,
      problem: 'not-found',
    });
    const back = await decideProposal(
      db,
      { ...where, side: 'service' },
      { decision: 'send-back', by: lead, comment: 'Add our hours.' },
      AT,
    );
    expect(back).toMatchObject({ ok: true, proposal: { status: 'sent-back', comment: 'Add our hours.' } });
    expect(await decideProposal(db, { ...where, side: 'service' }, { decision: 'agree', by: lead }, AT)).toEqual({
      ok: false,
      problem: 'decided',
    });
    expect(await agreementsInForce(db, 'L81001')).toHaveLength(1);
  });

  it('lists a service’s proposals for one practice or all, newest first, and its agreed versions', async () => {
    expect((await proposalsFor(db, kingsmeadConnect.id)).map((p) => p.version)).toEqual([2, 1]);
    expect((await proposalsFor(db, kingsmeadConnect.id, 'Y02345')).map((p) => p.version)).toEqual([2]);
    expect((await agreedVersions(db, kingsmeadConnect.id)).map((a) => a.version)).toEqual([1]);
  });

  it('the database never changes or removes an agreed version', async () => {
    await expect(db.query("UPDATE agreed_model SET review_by = '2030-01-01'")).rejects.toThrow(
      'never changed or removed',
    );
    await expect(db.query('DELETE FROM agreed_model')).rejects.toThrow('never changed or removed');
    expect(await agreedVersions(db, kingsmeadConnect.id)).toHaveLength(1);
  });

  it('refuses a proposal to an unknown service or practice', async () => {
    const model = BOUNDARIED_VCSE_MODEL;
    expect(
      await proposeModel(
        db,
        { serviceId: 'nope', practice: 'L81001', side: 'practice', model, proposedBy: champion },
        AT,
      ),
    ).toEqual({ ok: false, problem: 'no-service' });
    expect(
      await proposeModel(
        db,
        { serviceId: valleyPcn.id, practice: 'Z99999', side: 'practice', model, proposedBy: champion },
        AT,
      ),
    ).toEqual({ ok: false, problem: 'no-practice' });
  });
});
