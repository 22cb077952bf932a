import { nhsDayOf } from '../clock/nhs-date';
import type { ServiceModel } from '../model/model';
import { routesUsed } from '../record-entry/routes-used';
import { needLabel } from '../referral/needs';
import { CONTACT_MODES } from '../referral/patient';
import { referralReference } from '../referral/reference';
import type { Referral } from '../referral/referral';

export type SlipSection = { heading: string; lines: string[] };
export type PatientSlip = { title: string; forWhom: string; reference: string; date: string; sections: SlipSection[] };

function modeLabel(code: string): string {
  return CONTACT_MODES.find((mode) => mode.code === code)?.label.toLowerCase() ?? code;
}

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** What the patient takes home: plain words, no codes, what happens next and how to reach the service themselves. */
export function patientSlip(
  referral: Referral,
  model: Pick<ServiceModel, 'service' | 'capacity' | 'contactModes'> & { safety?: ServiceModel['safety'] },
): PatientSlip {
  const { patient } = referral;
  const next = [
    model.service.whatHappensNext ??
      `A link worker from ${model.service.name} will get in touch to arrange a first conversation about what matters to you.`,
  ];
  if (model.capacity.status === 'waiting-list') {
    next.push(`There is a waiting list at the moment: it is usually about ${model.capacity.typicalWeeks} weeks.`);
  }
  const offered = patient.contactModes.filter((mode) => model.contactModes.includes(mode));
  const modes = offered.length ? offered : model.contactModes;
  const contact = [`They will contact you by ${listInWords(modes.map(modeLabel))}.`];
  if (patient.contactTimes) contact.push(`You asked to be contacted: ${patient.contactTimes}.`);
  if (patient.interpreterLanguage) contact.push(`An interpreter will be arranged (${patient.interpreterLanguage}).`);
  return {
    title: 'Your social prescribing referral',
    forWhom: `${patient.given} ${patient.family}`,
    reference: referralReference(referral.id),
    date: nhsDayOf(referral.createdAt),
    sections: [
      { heading: 'What you talked about', lines: referral.needs.map(needLabel) },
      { heading: 'What happens next', lines: next },
      { heading: 'How they will contact you', lines: contact },
      {
        heading: 'The service',
        lines: [model.service.name, model.service.contact, `Quote your reference ${referralReference(referral.id)}.`],
      },
      ...otherHelp(referral, model.safety),
      {
        heading: 'If you feel worse',
        lines: ['Contact your GP practice, or call NHS 111. In an emergency, call 999.'],
      },
    ],
  };
}

/**
 * A flagged safety answer's route, which the referrer confirmed they used, for the patient to keep: the service and how
 * to reach it, never the question it answers (a slip can be seen by others).
 */
function otherHelp(referral: Referral, safety: ServiceModel['safety'] | undefined): SlipSection[] {
  const lines = [
    ...new Set(
      routesUsed(referral.verdict, safety).flatMap(({ route }) =>
        route ? [`${route.service}: ${route.contact}.`] : [],
      ),
    ),
  ];
  return lines.length ? [{ heading: 'Other help to contact now', lines }] : [];
}
