import { nhsDate } from '../clock/nhs-date';
import { MODEL_KINDS, type ServiceModel } from '../model/model';

function listInWords(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "Boundaried model, agreed by the practice and the VCSE on 1 April 2026": what the verdict is checked against. */
export function agreementLine(model: Pick<ServiceModel, 'kind' | 'agreement'>): string {
  const kind = MODEL_KINDS.find((entry) => entry.kind === model.kind)?.label ?? model.kind;
  return `${kind} model, agreed by ${listInWords(model.agreement.agreedBy)} on ${nhsDate(model.agreement.agreedOn)}`;
}
