import type { z } from 'zod';
import type { serviceRequestResourceSchema, taskResourceSchema } from './bundle-schema';
import { readReferrer, referralIdOf, referrerOf } from './read-service-request';
import { problem, type Reading } from './reading';

/** Checks that the Task asks for this ServiceRequest, for this Patient, by the same referrer. */
export function readTask(
  reading: Reading,
  task: z.infer<typeof taskResourceSchema>,
  path: string,
  urls: { patient: string; serviceRequest: string },
  serviceRequest: z.infer<typeof serviceRequestResourceSchema>,
): void {
  const id = referralIdOf(reading, task.identifier, path, 'Task');
  if (id && id.value !== reading.input.id)
    problem(reading, id.path, 'The Task’s referral identifier is not the ServiceRequest’s.');
  if (task.focus.reference !== urls.serviceRequest)
    problem(reading, `${path}.focus`, 'The Task’s focus is not the ServiceRequest in this Bundle.');
  if (task.for.reference !== urls.patient)
    problem(reading, `${path}.for`, 'The Task is not for the Patient in this Bundle.');
  if (task.authoredOn !== serviceRequest.authoredOn)
    problem(reading, `${path}.authoredOn`, 'The Task was not authored when the ServiceRequest was.');
  const referrer = readReferrer(reading, task, path);
  const expected = serviceRequest.contained[0] && referrerOf(serviceRequest.contained[0]);
  if (
    referrer &&
    expected &&
    (referrer.name !== expected.name || referrer.role !== expected.role || referrer.odsCode !== expected.odsCode)
  )
    problem(reading, `${path}.contained[0]`, 'The Task’s requester is not the ServiceRequest’s.');
}
