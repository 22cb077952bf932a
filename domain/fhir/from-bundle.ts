import type { z } from 'zod';
import { type Referral, referralSchema, UNSENDABLE_TEXT } from '../referral';
import { bundleSchema, patientResourceSchema, serviceRequestResourceSchema, taskResourceSchema } from './bundle-schema';
import { type FhirProblem, formatPath, zodProblems } from './problems';
import { readPatient } from './read-patient';
import { readServiceRequest } from './read-service-request';
import { readTask } from './read-task';
import { locate, problem, type Reading } from './reading';
import { nhsNumberQuery, referralIdentifierQuery } from './systems';

const RESOURCE_TYPES = ['Patient', 'ServiceRequest', 'Task'] as const;
type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Rules a valid referral must also meet (the queue's clinical rules, domain/criteria/sendable.ts), each located by its field. */
export type ReferralRules = (referral: Referral) => { path: (string | number)[]; message: string }[];

/**
 * Reads a referral back from a transaction Bundle that came over the wire (untrusted). Refuses, with every problem
 * located, anything that is not the shape referralToBundle makes, is not a valid referral, or breaks `rules`. Never
 * throws.
 */
export function bundleToReferral(
  body: unknown,
  rules?: ReferralRules,
): { ok: true; referral: Referral } | { ok: false; problems: FhirProblem[] } {
  const bundle = bundleSchema.safeParse(body);
  if (!bundle.success) return { ok: false, problems: zodProblems(bundle.error) };
  const reading: Reading = { input: {}, patient: {}, where: new Map(), problems: [] };
  reading.input.patient = reading.patient;

  const at: Partial<Record<ResourceType, number>> = {};
  bundle.data.entry.forEach((entry, index) => {
    const type = entry.resource.resourceType;
    if (!(RESOURCE_TYPES as readonly string[]).includes(type)) {
      problem(
        reading,
        `entry[${index}].resource.resourceType`,
        `A referral Bundle holds a Patient, a ServiceRequest and a Task; not a ${type}.`,
      );
      return;
    }
    if (at[type as ResourceType] !== undefined)
      problem(reading, `entry[${index}]`, `The Bundle has more than one ${type}.`);
    else at[type as ResourceType] = index;
    if (entry.request.url !== type)
      problem(reading, `entry[${index}].request.url`, `A ${type} is created at “${type}”, not “${entry.request.url}”.`);
  });
  for (const type of RESOURCE_TYPES)
    if (at[type] === undefined) problem(reading, 'entry', `The Bundle has no ${type}.`);
  if (at.Patient === undefined || at.ServiceRequest === undefined || at.Task === undefined)
    return { ok: false, problems: reading.problems };

  const entries = bundle.data.entry;
  const resource = <S extends z.ZodType>(schema: S, index: number) => {
    const parsed = schema.safeParse(entries[index]?.resource);
    if (!parsed.success) reading.problems.push(...zodProblems(parsed.error, `entry[${index}].resource`));
    return parsed.success ? (parsed.data as z.infer<S>) : undefined;
  };
  const patient = resource(patientResourceSchema, at.Patient);
  const serviceRequest = resource(serviceRequestResourceSchema, at.ServiceRequest);
  const task = resource(taskResourceSchema, at.Task);
  if (!patient || !serviceRequest || !task) return { ok: false, problems: reading.problems };

  const urls = {
    patient: entries[at.Patient]?.fullUrl ?? '',
    serviceRequest: entries[at.ServiceRequest]?.fullUrl ?? '',
    task: entries[at.Task]?.fullUrl ?? '',
  };
  if (new Set(Object.values(urls)).size !== 3) problem(reading, 'entry', 'Each entry has its own fullUrl.');
  readPatient(reading, patient, `entry[${at.Patient}].resource`);
  readServiceRequest(reading, serviceRequest, `entry[${at.ServiceRequest}].resource`, urls.patient);
  readTask(reading, task, `entry[${at.Task}].resource`, urls, serviceRequest);

  const conditions: [number, string | undefined][] = [
    [at.Patient, typeof reading.patient.nhsNumber === 'string' ? nhsNumberQuery(reading.patient.nhsNumber) : undefined],
    [at.ServiceRequest, typeof reading.input.id === 'string' ? referralIdentifierQuery(reading.input.id) : undefined],
    [at.Task, typeof reading.input.id === 'string' ? referralIdentifierQuery(reading.input.id) : undefined],
  ];
  for (const [index, expected] of conditions)
    if (expected !== undefined && entries[index]?.request.ifNoneExist !== expected)
      problem(
        reading,
        `entry[${index}].request.ifNoneExist`,
        `Each entry is a conditional create on its identifier (“${expected}”), so that a retry creates nothing twice.`,
      );
  if (reading.problems.length > 0) return { ok: false, problems: reading.problems };

  const referral = referralSchema.safeParse(reading.input);
  if (!referral.success)
    return {
      ok: false,
      problems: referral.error.issues.map((issue) => ({
        path: locate(reading.where, issue.path),
        message: `${issue.message} (the referral’s ${formatPath(issue.path)})`,
        ...(issue.code === 'custom' && issue.params?.[UNSENDABLE_TEXT] ? { unprocessable: true as const } : {}),
      })),
    };
  const refusals = rules?.(referral.data) ?? [];
  if (refusals.length > 0)
    return {
      ok: false,
      problems: refusals.map((refusal) => ({
        path: locate(reading.where, refusal.path),
        message: `${refusal.message} (the referral’s ${formatPath(refusal.path)})`,
        unprocessable: true as const,
      })),
    };
  return { ok: true, referral: referral.data };
}
