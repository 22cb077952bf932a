// A single-page consultation screen: choosing a patient re-renders the banner and the record; the URL never changes.
import { PATIENTS } from './patients.js';

const TIMES = ['09:00', '09:10', '09:20', '09:40', '09:50'];
const slots = document.querySelector('.mw-slots');
const bannerWrap = document.querySelector('.mw-bannerwrap');
const record = document.querySelector('.mw-record');
let loading = 0;

function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value);
  }
  for (const child of children.flat())
    if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

function age(born) {
  const [day, mon, year] = born.split('-');
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(mon);
  const today = new Date();
  let years = today.getFullYear() - Number(year);
  if (today.getMonth() < month || (today.getMonth() === month && today.getDate() < Number(day))) years--;
  return years;
}

function item(label, ...value) {
  return h('div', { class: 'mw-kv' }, h('span', { class: 'mw-k' }, label), ' ', h('span', { class: 'mw-v' }, ...value));
}

function banner(patient) {
  return h(
    'div',
    { class: 'mw-pbanner' },
    h(
      'div',
      { class: 'mw-pbanner__top' },
      h('span', { class: 'mw-pname' }, patient.name),
      h(
        'span',
        { class: 'mw-alerts' },
        patient.alerts.map((alert) => h('span', { class: 'mw-alert' }, alert)),
      ),
      h('span', { class: 'mw-usual' }, 'Usual GP: ', patient.usual),
    ),
    h(
      'div',
      { class: 'mw-pbanner__row' },
      item('Born', patient.born, ' ', h('small', null, `(${age(patient.born)}y)`)),
      item('Gender', patient.gender),
      item('NHS No.', h('b', null, patient.nhs)),
      item('Tel', patient.tel || h('i', { class: 'mw-none' }, 'Not recorded')),
      item('Address', patient.address),
    ),
  );
}

function recordView(patient) {
  const entry = h('textarea', { rows: '4', 'aria-label': 'New consultation entry' });
  const list = h(
    'div',
    { class: 'mw-cons' },
    patient.consultations.map(([date, who, text]) =>
      h('div', { class: 'mw-con' }, h('div', { class: 'mw-con__hd' }, date, ' — ', who), h('p', null, text)),
    ),
  );
  const save = () => {
    if (!entry.value.trim()) return;
    list.prepend(
      h(
        'div',
        { class: 'mw-con' },
        h('div', { class: 'mw-con__hd' }, 'Today — Dr A Clarke'),
        h('p', null, entry.value),
      ),
    );
    entry.value = '';
  };
  return h(
    'div',
    { class: 'mw-cols' },
    h(
      'div',
      { class: 'mw-panel' },
      h('div', { class: 'mw-panel__hd' }, 'Problems'),
      h(
        'table',
        { class: 'mw-table' },
        h('tr', null, h('th', null, 'Problem'), h('th', null, 'Onset'), h('th', null, 'Status')),
        patient.problems.map((row) =>
          h(
            'tr',
            null,
            row.map((cell) => h('td', null, cell)),
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'mw-panel' },
      h('div', { class: 'mw-panel__hd' }, 'Add consultation'),
      entry,
      h('div', null, h('button', { type: 'button', class: 'mw-btn', onclick: save }, 'Save entry')),
      h('div', { class: 'mw-panel__hd' }, 'Recent consultations'),
      list,
    ),
  );
}

// A real system fetches the record: the banner shows a placeholder first, then the patient.
async function open(index) {
  const ticket = ++loading;
  for (const button of slots.querySelectorAll('button'))
    button.classList.toggle('is-on', button.dataset.i === String(index));
  bannerWrap.replaceChildren(h('div', { class: 'mw-pbanner mw-pbanner--loading' }, 'Loading patient record…'));
  record.replaceChildren();
  await new Promise((resolve) => setTimeout(resolve, 30));
  if (ticket !== loading) return;
  const patient = PATIENTS[index];
  bannerWrap.replaceChildren(banner(patient));
  record.replaceChildren(recordView(patient));
  document.title = `MeridianWeb · ${patient.name}`;
}

slots.append(
  ...PATIENTS.map((patient, index) =>
    h(
      'button',
      { type: 'button', class: 'mw-slot', 'data-i': String(index), onclick: () => open(index) },
      h('span', { class: 'mw-slot__t' }, TIMES[index]),
      ' ',
      patient.name.replace(/ \(.*\)/, ''),
    ),
  ),
);
open(0);
