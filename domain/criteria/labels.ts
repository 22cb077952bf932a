import type { RequirableField } from '../model/model';
import type { PatientField } from '../referral/patient';

/** Field names as the referrer reads them on the pad. */
export const FIELD_LABELS: Record<PatientField | RequirableField, string> = {
  nhsNumber: 'NHS number',
  given: 'Given name',
  family: 'Family name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  phone: 'Phone number',
  email: 'Email address',
  postcode: 'Postcode',
  contactModes: 'Ways to contact',
  contactTimes: 'Best times to contact',
  interpreterLanguage: 'Interpreter language',
  accessNeeds: 'Access needs',
  whatMatters: 'What matters to the person',
};

/** "a, b and c": lists in a sentence. */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
