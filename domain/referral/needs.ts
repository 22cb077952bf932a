/**
 * The needs a referrer can tick. Codes are stable: they are stored in drafts, sent on the wire and named in models,
 * so a code is never renamed or reused. No SNOMED CT concept is attached here: none is attached until a real,
 * checked concept id is known for that exact need (an invented id would mislead a receiving system).
 */
export const NEEDS = [
  { code: 'loneliness', label: 'Loneliness or isolation' },
  { code: 'low-mood', label: 'Low mood or anxiety (mild to moderate)' },
  { code: 'bereavement', label: 'Bereavement' },
  { code: 'money-debt', label: 'Money and debt' },
  { code: 'benefits', label: 'Benefits' },
  { code: 'housing', label: 'Housing' },
  { code: 'work-learning', label: 'Work, volunteering or learning' },
  { code: 'physical-activity', label: 'Physical activity' },
  { code: 'healthy-lifestyle', label: 'Healthy weight and lifestyle' },
  { code: 'long-term-condition', label: 'Long-term condition self-management' },
  { code: 'carer-support', label: 'Carer support' },
  { code: 'frequent-attendance', label: 'Frequent attendance' },
  { code: 'relationships', label: 'Relationship or family stress' },
  { code: 'food', label: 'Food' },
  { code: 'digital-skills', label: 'Digital skills' },
  { code: 'personal-goals', label: 'Personal goals (coaching)' },
] as const;

export type NeedCode = (typeof NEEDS)[number]['code'];

export const NEED_CODES = NEEDS.map((need) => need.code) as [NeedCode, ...NeedCode[]];

export function isNeedCode(code: string): code is NeedCode {
  return (NEED_CODES as string[]).includes(code);
}

export function needLabel(code: string): string {
  return NEEDS.find((need) => need.code === code)?.label ?? code;
}
