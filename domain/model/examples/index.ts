/**
 * Two example service models, one of each kind, for a fictional South West PCN: a starting point for a practice
 * champion and the fixtures the criteria are tested against. Names are invented; phone numbers are in Ofcom's range
 * for drama (0117 496 0xxx), except the real national routes (NHS 111 option 2, 999, Samaritans 116 123).
 */
import type { ServiceModel } from '../model';
import { readModel } from '../model-file';
import boundariedVcse from './boundaried-vcse.json' with { type: 'json' };
import openPcn from './open-pcn.json' with { type: 'json' };

function parsed(name: string, data: unknown): ServiceModel {
  const result = readModel(data);
  if (!result.ok) {
    // The files ship with the code and are tested; a broken one is a build mistake, so fail loudly at load.
    throw new Error(
      `Example model ${name} is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
  }
  return result.model;
}

/** An 'open' PCN-employed link worker service: anyone, any need; risks flagged for the link worker. */
export const OPEN_PCN_MODEL: ServiceModel = parsed('open-pcn.json', openPcn);

/** A 'boundaried' VCSE service: isolated people aged 55+ in three districts; overrides allowed with a reason. */
export const BOUNDARIED_VCSE_MODEL: ServiceModel = parsed('boundaried-vcse.json', boundariedVcse);

export const EXAMPLE_MODELS: readonly ServiceModel[] = [OPEN_PCN_MODEL, BOUNDARIED_VCSE_MODEL];
