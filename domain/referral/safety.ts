/** The safety questions every referral answers, in the order the pad asks them. Codes are stable, as for needs. */
export const SAFETY_QUESTIONS = [
  {
    flag: 'suicidal-thoughts',
    question: 'Current suicidal thoughts or self-harm?',
    label: 'Suicidal thoughts or self-harm',
  },
  {
    flag: 'psychosis',
    question: 'Psychosis or unstable severe mental illness?',
    label: 'Psychosis or unstable severe mental illness',
  },
  {
    flag: 'safeguarding',
    question: 'A safeguarding concern, including domestic abuse?',
    label: 'Safeguarding concern (including domestic abuse)',
  },
  {
    flag: 'secondary-mental-health',
    question: 'Under secondary mental-health care now?',
    label: 'Under secondary mental-health care',
  },
  {
    flag: 'substance-use',
    question: 'Substance use as the main issue?',
    label: 'Substance use as the main issue',
  },
] as const;

export type SafetyFlag = (typeof SAFETY_QUESTIONS)[number]['flag'];

export const SAFETY_FLAGS = SAFETY_QUESTIONS.map((question) => question.flag) as [SafetyFlag, ...SafetyFlag[]];

export function safetyLabel(flag: SafetyFlag): string {
  return SAFETY_QUESTIONS.find((question) => question.flag === flag)?.label ?? flag;
}
