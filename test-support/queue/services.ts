import { BOUNDARIED_VCSE_MODEL, OPEN_PCN_MODEL } from '../../domain/model/examples';
import type { ServiceModel } from '../../domain/model/model';
import { readModel } from '../../domain/model/model-file';
import { type Service, serviceSchema } from '../../domain/service/service';
import type { Db } from '../../server/store/db';
import { addService, agreeAsBothSides } from '../../server/store/services';
import { BOUNDARIED } from '../../tests/e2e/fixtures/models';

const AT = new Date('2026-11-01T09:00:00Z');

function service(id: string, name: string): Service {
  return serviceSchema.parse({
    id,
    name,
    organisation: { name: `${name} (organisation)` },
    description: `${name}: a service for the queue's tests.`,
    contact: 'A link worker phones within 5 working days.',
    hours: 'Monday to Friday, 9am to 5pm',
    capacity: { state: 'accepting' },
  });
}

function model(base: ServiceModel | object, id: string, version: number): ServiceModel {
  const read = readModel({ ...base, id, version });
  if (!read.ok) throw new Error(`Seed model ${id}: ${JSON.stringify(read.errors)}`);
  return read.model;
}

/**
 * The agreements the tests' referrals are sent under: each fixture's practice and model (test-support/fixtures/
 * referrals.ts, the e2e pads' models), at the version it names. A service numbers its versions 1, 2, 3 …, so earlier
 * numbers are agreed on the way (with the same model) and each model lives in a service where its number is free.
 */
const SEEDS: { service: Service; agreements: { practice: string; model: ServiceModel }[] }[] = [
  {
    service: service('riverside-link-workers', 'Riverside link workers'),
    agreements: [
      { practice: 'Y02345', model: model(OPEN_PCN_MODEL, 'open', 1) },
      { practice: 'L81001', model: model(OPEN_PCN_MODEL, 'open', 2) },
      { practice: 'L81001', model: model(OPEN_PCN_MODEL, 'bristol-central-open', 3) },
      { practice: 'M85001', model: model(BOUNDARIED_VCSE_MODEL, 'over-55-isolated', 12) },
    ],
  },
  {
    service: service('bristol-community-connectors', 'Bristol Community Connectors'),
    agreements: [{ practice: 'L81001', model: model(BOUNDARIED, BOUNDARIED.id, BOUNDARIED.version) }],
  },
  {
    service: service('kingsmead-connect', 'Kingsmead Connect 55+'),
    agreements: [{ practice: 'L81001', model: BOUNDARIED_VCSE_MODEL }],
  },
  {
    service: service('kingsmead-valley-pcn', 'Kingsmead Valley PCN social prescribing'),
    agreements: [{ practice: 'L81001', model: OPEN_PCN_MODEL }],
  },
];

const by = {
  practice: { name: 'Dr Amina Patel', role: 'GP partner', organisation: 'the practice' },
  service: { name: 'Sam Lee', role: 'Service lead', organisation: 'the service' },
};

/** Seeds the services and agreements above into a queue whose practices exist. */
export async function seedServices(db: Db): Promise<void> {
  for (const seed of SEEDS) {
    await addService(db, seed.service, AT);
    let agreed = 0;
    for (const { practice, model: wanted } of seed.agreements) {
      while (agreed < wanted.version) {
        agreed = (await agreeAsBothSides(db, { serviceId: seed.service.id, practice, model: wanted, by }, AT)).version;
      }
    }
  }
}
