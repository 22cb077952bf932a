import { readFileSync } from 'node:fs';
import { BOUNDARIED_VCSE_MODEL } from '../domain/model/examples';
import { type Service, serviceSchema } from '../domain/service/service';
import type { Db } from './store/db';
import { addService, agreeAsBothSides, agreementFor, getService } from './store/services';

/** The demo's service (demo/demo-service.json): the one the demo model describes. */
export function readDemoService(): Service {
  return serviceSchema.parse(JSON.parse(readFileSync(new URL('../demo/demo-service.json', import.meta.url), 'utf8')));
}

/**
 * Seeds (once) the demo service and its agreement with the demo practice under the model the demo extension checks
 * against, at that model's version, so that the demo pad's referrals are taken (the queue refuses any other).
 */
export async function seedDemoService(db: Db, practice: { odsCode: string; name: string }): Promise<Service> {
  const service = readDemoService();
  if (!(await getService(db, service.id))) await addService(db, service, new Date());
  const model = BOUNDARIED_VCSE_MODEL;
  if (await agreementFor(db, practice.odsCode, service.id, model.version)) return service;
  const by = {
    practice: { name: 'Dr Asha Patel', role: 'Practice champion', organisation: practice.name },
    service: { name: 'Sam Okafor', role: 'Service lead', organisation: service.organisation.name },
  };
  let agreed = 0;
  while (agreed < model.version) {
    const at = new Date();
    agreed = (await agreeAsBothSides(db, { serviceId: service.id, practice: practice.odsCode, model, by }, at)).version;
  }
  return service;
}
