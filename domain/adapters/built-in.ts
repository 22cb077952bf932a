import type { Adapter } from './adapter';

const NHS_NUMBER = '(\\d{3}[ -]?\\d{3}[ -]?\\d{4})';
const DATE = '(\\d{1,2}(?:st|nd|rd|th)?[-/. ](?:\\d{1,2}|[A-Za-z]{3,9})[-/. ]\\d{4}|\\d{4}-\\d{2}-\\d{2})';
const PHONE = '(\\+?\\d[\\d ()-]{4,18}\\d)';
const POSTCODE = '([A-Za-z]{1,2}\\d[A-Za-z\\d]? ?\\d[A-Za-z]{2})\\b';
const EMAIL = '([^\\s@]+@[^\\s@]+\\.[^\\s@]+)';

/** The local demo practice system (demo/practice, served by `npm start`). */
export const demoAdapter: Adapter = {
  id: 'meridian-demo',
  name: 'MeridianWeb (demo practice system)',
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  banner: '.mw-pbanner',
  fields: {
    name: { selector: '.mw-pname' },
    nhsNumber: { label: 'NHS No.', pattern: NHS_NUMBER },
    dateOfBirth: { label: 'Born', pattern: DATE },
    sex: { label: 'Gender' },
    phone: { label: 'Tel', pattern: PHONE },
    postcode: { label: 'Address', pattern: POSTCODE },
    alerts: { selector: '.mw-alerts' },
  },
};

/** Any page: finds values beside the labels practice systems commonly use. Try it last. */
export const genericAdapter: Adapter = {
  id: 'generic',
  name: 'Any page (common labels)',
  matches: ['<all_urls>'],
  banner: 'body',
  fields: {
    name: { label: 'Name|Patient|Patient name|Full name' },
    family: { label: 'Surname|Family name|Last name' },
    given: { label: 'Forename|Forenames|Given name|First name' },
    nhsNumber: { label: 'NHS No|NHS Number|NHS|NHS no', pattern: NHS_NUMBER },
    dateOfBirth: { label: 'DOB|Born|Date of birth|Birth date', pattern: DATE },
    sex: { label: 'Gender|Sex' },
    phone: { label: 'Tel|Telephone|Phone|Mobile|Home phone|Mobile phone|Contact number', pattern: PHONE },
    email: { label: 'Email|E-mail|Email address', pattern: EMAIL },
    postcode: { label: 'Postcode|Post code|Address', pattern: POSTCODE },
    interpreterLanguage: { label: 'Interpreter|Interpreter needed', pattern: '([A-Za-z][A-Za-z-]{1,40})' },
    alerts: { label: 'Alerts|Alert|Warnings' },
  },
};

/** Built in, most specific first: a champion's own adapters go before these. */
export const BUILT_IN_ADAPTERS: readonly Adapter[] = [demoAdapter, genericAdapter];
