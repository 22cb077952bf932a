import type { ResponseRule } from '../../../domain/caseload/response-rule';
import type { fhir4 } from '../../../domain/fhir';
import type { Queryable } from '../db';
import { storedTask, type TaskColumns } from '../referrals';
import { ruleFrom } from './due';

/** What GET Task needs to answer as message-back's taskAsRead: the Task, when it arrived and was first contacted,
 * its service's rule and name. */
export type TaskToRead = {
  task: fhir4.Task;
  receivedAt: string;
  firstContactAt?: string;
  rule: ResponseRule;
  serviceName: string;
  due?: { contactDue: string; decisionDue: string };
};

/** A service's name where a referral predates services: the GP's words for whoever has it. */
const NO_SERVICE_NAME = 'the link worker service';

/** A practice's Task with what reading it needs; undefined for an unknown id and for another
 * practice's (the two are not told apart). */
export async function taskToRead(db: Queryable, id: string, odsCode: string): Promise<TaskToRead | undefined> {
  const rows = await db.query<
    TaskColumns & {
      first_contact_at: Date | null;
      service_name: string | null;
      response_rule: unknown;
      decision_due: string | null;
      contact_due: string | null;
    }
  >(
    `SELECT r.task, r.referral, r.patient_id, r.received_at, r.first_contact_at, s.details ->> 'name' AS service_name,
       s.response_rule, r.decision_due::text, r.contact_due::text
     FROM referral r LEFT JOIN service s ON s.id = r.service_id WHERE r.id = $1 AND r.ods_code = $2`,
    [id, odsCode],
  );
  const row = rows[0];
  return (
    row && {
      task: storedTask(row),
      receivedAt: new Date(row.received_at).toISOString(),
      ...(row.first_contact_at ? { firstContactAt: new Date(row.first_contact_at).toISOString() } : {}),
      rule: ruleFrom(row.response_rule),
      // Judged by the due days fixed on arrival, as the caseload's views judge it, whatever the rule now says.
      ...(row.decision_due && row.contact_due
        ? { due: { decisionDue: row.decision_due, contactDue: row.contact_due } }
        : {}),
      serviceName: row.service_name ?? NO_SERVICE_NAME,
    }
  );
}
