// Fictional patients for the demo practice system. NHS numbers pass the Modulus 11 check; phone numbers are in
// Ofcom's ranges reserved for drama (0117 496 0xxx, 07700 900xxx); names and addresses are made up.
// Against the demo's boundaried model (55 and over, isolated, BS15, BS16 or BS30) they teach the right habits: John SMITH
// and Margaret JONES (no phone: contact by letter) are in the model; Adaeze OKAFOR (34, money worries) and Ravi PATEL
// (BS5, out of area) go to the route the model names; Alex HUGHES (thoughts of ending their life) is a safety stop.
export const PATIENTS = [
  {
    name: 'SMITH, John (Mr)',
    born: '14-Jun-1954',
    gender: 'Male',
    nhs: '943 476 5919',
    tel: '0117 496 0123',
    address: 'Flat 2, 18 Soundwell Road, Staple Hill, Bristol, BS16 4QG',
    usual: 'Dr A Clarke',
    alerts: ['Lives alone'],
    problems: [
      ['Bereavement', '02-Feb-2025', 'Active'],
      ['Type 2 diabetes mellitus', '11-May-2014', 'Active'],
      ['Osteoarthritis of knee', '23-Aug-2019', 'Active'],
    ],
    consultations: [
      [
        '03-Nov-2026',
        'Dr A Clarke',
        'Review of diabetes. Widowed last year; lives alone, says he can go days without speaking to anyone. Stopped going to the bowls club. Not low in mood, no thoughts of self-harm. Interested in meeting people.',
      ],
      ['14-Jul-2026', 'Practice nurse', 'Annual diabetic review. HbA1c 52. Feet checked.'],
    ],
  },
  {
    name: 'OKAFOR, Adaeze (Ms)',
    born: '03-Sep-1992',
    gender: 'Female',
    nhs: '999 001 2342',
    tel: '07700 900461',
    address: '41 Hanham Road, Kingswood, Bristol, BS15 8PX',
    usual: 'Dr S Begum',
    alerts: [],
    problems: [['Mild anxiety', '19-Mar-2026', 'Active']],
    consultations: [
      [
        '10-Nov-2026',
        'Dr S Begum',
        'Sleeping poorly, worried about rent arrears and council tax letters since hours cut at work. Low mood but functioning; no thoughts of self-harm.',
      ],
    ],
  },
  {
    name: 'PATEL, Ravi (Mr)',
    born: '21-Jan-1978',
    gender: 'Male',
    nhs: '999 003 4567',
    tel: '0117 496 0781',
    address: '7 Stapleton Road, Easton, Bristol, BS5 0QP',
    usual: 'Dr A Clarke',
    alerts: ['Interpreter: Gujarati'],
    problems: [
      ['Asthma', '04-Oct-1999', 'Active'],
      ['Frequent attender', '01-Jun-2026', 'Active'],
    ],
    consultations: [
      [
        '12-Nov-2026',
        'Dr A Clarke',
        'Chest worse; flat is damp and mouldy, landlord not responding. Fourth visit in six weeks.',
      ],
    ],
  },
  {
    name: 'JONES, Margaret (Mrs)',
    born: '30-Nov-1941',
    gender: 'Female',
    nhs: '999 004 5674',
    tel: '',
    address: 'Room 4, Elmgrove House, Bath Road, Longwell Green, Bristol, BS30 9DG',
    usual: 'Dr S Begum',
    alerts: ['Hearing impaired', 'No telephone'],
    problems: [['Hearing loss', '15-Jan-2018', 'Active']],
    consultations: [['05-Nov-2026', 'Dr S Begum', 'Home visit. Misses her church group since she moved here.']],
  },
  {
    name: 'HUGHES, Alex (Mx)',
    born: '09-Feb-2003',
    gender: 'Other',
    nhs: '401 023 2137',
    tel: '07700 900118',
    address: '22 Lodge Causeway, Fishponds, Bristol, BS16 3JU',
    usual: 'Dr A Clarke',
    alerts: ['Safety plan in place'],
    problems: [
      ['Social anxiety', '08-Sep-2025', 'Active'],
      ['Depressive episode', '20-Nov-2026', 'Active'],
    ],
    consultations: [
      [
        '20-Nov-2026',
        'Dr A Clarke',
        'Low and hopeless for three weeks, isolated since moving here. Has had thoughts of ending their life this week; no plan. Crisis line number given, safety plan made, duty GP review tomorrow.',
      ],
      [
        '07-Nov-2026',
        'Dr A Clarke',
        'Second-year student, isolated since moving here; would like to find a group or volunteering.',
      ],
    ],
  },
];
