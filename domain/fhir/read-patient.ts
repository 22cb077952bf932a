import type { z } from 'zod';
import { normaliseNhsNumber } from '../referral';
import type { patientResourceSchema } from './bundle-schema';
import { codeIn, extensionValue, problem, type Reading, readComplex } from './reading';
import { EXTENSIONS, SYSTEMS } from './systems';

/** Reads the Patient into the referral’s patient. */
export function readPatient(reading: Reading, patient: z.infer<typeof patientResourceSchema>, path: string): void {
  const into = reading.patient;
  reading.where.set('patient', path);
  const nhs = patient.identifier.flatMap((identifier, index) =>
    identifier.system === SYSTEMS.nhsNumber ? [{ value: identifier.value, index }] : [],
  );
  if (nhs.length !== 1 || patient.identifier.length !== 1)
    problem(reading, `${path}.identifier`, `The Patient is identified by one NHS number (${SYSTEMS.nhsNumber}), only.`);
  if (nhs[0] && nhs[0].value !== normaliseNhsNumber(nhs[0].value))
    problem(
      reading,
      `${path}.identifier[${nhs[0].index}].value`,
      'On the wire an NHS number is its 10 digits, without spaces.',
    );
  if (nhs[0]) {
    into.nhsNumber = nhs[0].value;
    reading.where.set('patient.nhsNumber', `${path}.identifier[${nhs[0].index}].value`);
  }
  const name = patient.name[0];
  if (name) {
    into.given = name.given[0];
    into.family = name.family;
  }
  reading.where.set('patient.given', `${path}.name[0].given[0]`);
  reading.where.set('patient.family', `${path}.name[0].family`);
  into.sex = patient.gender;
  reading.where.set('patient.sex', `${path}.gender`);
  into.dateOfBirth = patient.birthDate;
  reading.where.set('patient.dateOfBirth', `${path}.birthDate`);

  for (const system of ['phone', 'email'] as const) {
    const points = (patient.telecom ?? []).flatMap((point, index) =>
      point.system === system ? [{ point, index }] : [],
    );
    if (points.length > 1) problem(reading, `${path}.telecom`, `The Patient has more than one ${system}.`);
    if (points[0]) {
      into[system] = points[0].point.value;
      reading.where.set(`patient.${system}`, `${path}.telecom[${points[0].index}].value`);
    }
  }
  if (patient.address?.[0]) {
    into.postcode = patient.address[0].postalCode;
    reading.where.set('patient.postcode', `${path}.address[0].postalCode`);
  }
  const language = patient.communication?.[0];
  if (language) {
    into.interpreterLanguage = language.language.text;
    reading.where.set('patient.interpreterLanguage', `${path}.communication[0].language.text`);
  }

  const interpreterRequired = readPatientExtensions(reading, patient, path);
  if ((interpreterRequired === true) !== (language !== undefined))
    problem(
      reading,
      `${path}.communication`,
      'An interpreter language comes with the interpreter-required extension set to true, and only then.',
    );
}

/**
 * Reads the Patient's extensions (interpreter required, contact preference, access needs) into the referral's patient;
 * any other extension is refused rather than dropped. Returns whether an interpreter was said to be required.
 */
function readPatientExtensions(
  reading: Reading,
  patient: z.infer<typeof patientResourceSchema>,
  path: string,
): unknown {
  const into = reading.patient;
  let interpreterRequired: unknown;
  let contactPreferenceSeen = false;
  const accessNeeds: unknown[] = [];
  (patient.extension ?? []).forEach((extension, index) => {
    const at = `${path}.extension[${index}]`;
    if (extension.url === EXTENSIONS.interpreterRequired) {
      if (interpreterRequired !== undefined)
        problem(reading, at, 'The Patient says twice whether an interpreter is needed.');
      interpreterRequired = extensionValue(reading, extension, 'valueBoolean', at, 'Interpreter required');
    } else if (extension.url === EXTENSIONS.contactPreference) {
      if (contactPreferenceSeen) problem(reading, at, 'The Patient has more than one contact preference.');
      contactPreferenceSeen = true;
      const parts = readComplex(reading, extension, at, 'The contact preference', {
        mode: { key: 'valueCoding', min: 0, max: Number.POSITIVE_INFINITY },
        times: { key: 'valueString', min: 0, max: 1 },
      });
      into.contactModes = parts.mode.map((part) =>
        codeIn(reading, part.value, SYSTEMS.contactMode, part.path, 'A contact mode'),
      );
      reading.where.set('patient.contactModes', `${at}.extension`);
      if (parts.times[0]) {
        into.contactTimes = parts.times[0].value;
        reading.where.set('patient.contactTimes', parts.times[0].path);
      }
    } else if (extension.url === EXTENSIONS.accessNeed) {
      reading.where.set(`patient.accessNeeds.${accessNeeds.length}`, at);
      const coding = extensionValue(reading, extension, 'valueCoding', at, 'An access need');
      if (coding !== undefined) accessNeeds.push(codeIn(reading, coding, SYSTEMS.accessNeed, at, 'An access need'));
      if (extension.extension) problem(reading, at, 'An access need has a value, not parts.');
    } else {
      problem(
        reading,
        `${at}.url`,
        `The Patient has an extension we do not read (${extension.url}); refused rather than dropped.`,
      );
    }
  });
  if (accessNeeds.length > 0) into.accessNeeds = accessNeeds;
  return interpreterRequired;
}
