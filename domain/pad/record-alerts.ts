import type { AccessNeed } from '../referral/patient';

/** What the record's alerts say that the referral carries: an interpreter's language, and access needs. */
export type FromAlerts = { interpreterLanguage?: string; accessNeeds: AccessNeed[] };

const INTERPRETER = /interpreter(?: needed| required)?\s*[:\-–]\s*(british sign language|bsl|[a-z][a-z-]+)/i;

/** Words practice systems use in alerts, per access need. */
const NEEDS: [AccessNeed, RegExp][] = [
  ['hearing', /\b(hearing|deaf|hard of hearing)\b|\bbsl\b|sign language/i],
  ['sight', /\b(sight|blind|visual(ly)?|partially sighted)\b/i],
  ['mobility', /\b(mobility|wheelchair|housebound|walking frame)\b/i],
  ['no-internet', /\bno (internet|email|smartphone)\b|\bnot online\b/i],
  ['transport', /\btransport\b/i],
];

/** Reads an alerts line such as "Interpreter: Gujarati · Hearing impaired". Pure; unknown alerts say nothing. */
export function readAlerts(alerts: string | undefined): FromAlerts {
  if (!alerts) return { accessNeeds: [] };
  const language = INTERPRETER.exec(alerts)?.[1];
  const accessNeeds = NEEDS.filter(([, words]) => words.test(alerts)).map(([need]) => need);
  if (!language) return { accessNeeds };
  const named = /^(bsl|british sign language)$/i.test(language) ? 'British Sign Language' : capitalised(language);
  return { interpreterLanguage: named, accessNeeds };
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}
