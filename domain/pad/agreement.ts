import { MODEL_KINDS, type ServiceModel } from '../model/model';

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "1 April 2026" from "2026-04-01". */
export function longDay(isoDay: string): string {
  return longDate.format(new Date(`${isoDay}T00:00:00Z`));
}

function listInWords(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "Boundaried model, agreed by the practice and the VCSE on 1 April 2026": what the verdict is checked against. */
export function agreementLine(model: Pick<ServiceModel, 'kind' | 'agreement'>): string {
  const kind = MODEL_KINDS.find((entry) => entry.kind === model.kind)?.label ?? model.kind;
  return `${kind} model, agreed by ${listInWords(model.agreement.agreedBy)} on ${longDay(model.agreement.agreedOn)}`;
}
