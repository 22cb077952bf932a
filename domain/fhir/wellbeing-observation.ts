import type * as fhir4 from 'fhir/r4';
import { type Ons4, type Swemwbs, type Wellbeing, wellbeingSchema } from '../caseload/case';
import { swemwbsMetric } from '../caseload/wellbeing';
import { SYSTEMS } from './systems';

/** ONS4's four questions in the order the ONS asks them, with the code each answer carries in our code system. */
const ONS4_CODES = [
  { key: 'lifeSatisfaction', code: 'ons4-life-satisfaction', display: 'Life satisfaction' },
  { key: 'worthwhile', code: 'ons4-worthwhile', display: 'Worthwhile' },
  { key: 'happiness', code: 'ons4-happiness', display: 'Happiness' },
  { key: 'anxiety', code: 'ons4-anxiety', display: 'Anxiety' },
] as const;

const SWEMWBS_ITEM_CODES = [1, 2, 3, 4, 5, 6, 7].map((n) => `swemwbs-${n}`);

const MEASURE = {
  ons4: { code: 'ons4', display: 'ONS4 personal wellbeing' },
  swemwbs: { code: 'swemwbs', display: 'Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)' },
} as const;

function coded(code: string, display?: string): fhir4.CodeableConcept {
  return { coding: [{ system: SYSTEMS.wellbeing, code, ...(display ? { display } : {}) }] };
}

function answers(w: Wellbeing): fhir4.ObservationComponent[] {
  // A skipped question has no component: the person may leave any question out, and nothing is made up for it.
  if (w.kind === 'ons4')
    return ONS4_CODES.flatMap(({ key, code, display }) => {
      const value = w[key];
      return value === undefined ? [] : [{ code: coded(code, display), valueInteger: value }];
    });
  return w.items.flatMap((value, index) =>
    value === undefined ? [] : [{ code: coded(SWEMWBS_ITEM_CODES[index] ?? ''), valueInteger: value }],
  );
}

/**
 * Wellbeing scores as a contained Observation (our code system: ONS4 and SWEMWBS have no SNOMED CT or LOINC code we
 * have verified): one component per question answered; SWEMWBS with all seven answered also carries its metric score.
 */
export function wellbeingObservation(
  w: Wellbeing,
  input: { id: string; subject?: fhir4.Reference; issued: string },
): fhir4.Observation {
  const metric = w.kind === 'swemwbs' ? swemwbsMetric(w) : undefined;
  const parts = answers(w);
  return {
    resourceType: 'Observation',
    id: input.id,
    status: 'final',
    code: coded(MEASURE[w.kind].code, MEASURE[w.kind].display),
    ...(input.subject ? { subject: input.subject } : {}),
    issued: input.issued,
    ...(metric !== undefined ? { valueQuantity: { value: metric, unit: 'metric score' } } : {}),
    ...(parts.length > 0 ? { component: parts } : {}),
  };
}

function componentValue(observation: fhir4.Observation, code: string): number | undefined {
  const found = observation.component?.find((c) =>
    c.code?.coding?.some((coding) => coding.system === SYSTEMS.wellbeing && coding.code === code),
  );
  return typeof found?.valueInteger === 'number' ? found.valueInteger : undefined;
}

/** The scores back from an Observation made by `wellbeingObservation` (untrusted: undefined when it is not one). */
export function readWellbeing(observation: fhir4.Observation): Wellbeing | undefined {
  const measure = observation.code?.coding?.find((coding) => coding.system === SYSTEMS.wellbeing)?.code;
  let candidate: Ons4 | Swemwbs | undefined;
  if (measure === 'ons4')
    candidate = {
      kind: 'ons4',
      ...Object.fromEntries(ONS4_CODES.map(({ key, code }) => [key, componentValue(observation, code)])),
    };
  else if (measure === 'swemwbs')
    candidate = {
      kind: 'swemwbs',
      items: SWEMWBS_ITEM_CODES.map((code) => componentValue(observation, code)) as Swemwbs['items'],
    };
  const parsed = wellbeingSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}
