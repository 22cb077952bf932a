import type { PatientContext } from '../../lib/adapters/patient-context';
import { closePad, linkToPage, onPatientOnScreen, togglePad } from '../../lib/messaging/pad-link';

const FIELDS = [
  ['nhsNumber', 'NHS number'],
  ['given', 'Given name'],
  ['family', 'Family name'],
  ['dateOfBirth', 'Date of birth'],
  ['sex', 'Sex'],
  ['phone', 'Phone'],
  ['postcode', 'Postcode'],
] as const;

const link = await linkToPage();
// Framed by anything but our content script: show nothing. The mark lets tests tell 'refused' from 'not yet asked'.
document.documentElement.dataset.handshake = link === null ? 'refused' : 'confirmed';
if (link !== null) {
  const { tabId } = link;
  const form = document.createElement('form');
  const heading = document.createElement('h1');
  heading.textContent = 'Social prescribing referral';
  form.append(heading);
  const inputs = new Map<string, HTMLInputElement>();
  for (const [field, label] of FIELDS) {
    const row = document.createElement('label');
    const input = document.createElement('input');
    input.name = field;
    row.append(label, ' ', input);
    form.append(row, document.createElement('br'));
    inputs.set(field, input);
  }
  document.body.append(form);
  const show = (context: PatientContext | null) => {
    for (const [field] of FIELDS) {
      const input = inputs.get(field);
      if (input) input.value = context?.fields[field] ?? '';
    }
    form.dataset.recordKey = context?.recordKey ?? '';
  };
  onPatientOnScreen(tabId, show);
  show(link.context);
  const focusFirst = () => {
    if (document.activeElement === document.body || document.activeElement === null) inputs.get('nhsNumber')?.focus();
  };
  focusFirst();
  // Loaded while hidden, the pad could not take focus then: it does when the content script focuses the frame.
  addEventListener('focus', focusFirst);
  addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closePad(tabId);
    else if (event.code === 'KeyS' && event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      togglePad(tabId);
    }
  });
}
