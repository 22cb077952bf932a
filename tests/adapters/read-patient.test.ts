import { beforeEach, describe, expect, it } from 'vitest';
import { type Adapter, demoAdapter, genericAdapter, readPatient } from '../../domain/adapters';
import { orchardDownsAdapter } from '../../test-support/fixtures/adapters';
import { SMITH_ON_SCREEN } from '../../test-support/fixtures/demo-patients';
import { loadOtherSystem } from './demo-page';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

const bannerOnly = (fields: Adapter['fields']): Adapter => ({
  id: 'test',
  name: 'Test',
  matches: ['<all_urls>'],
  banner: '.banner',
  fields,
});

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('readPatient with the demo system adapter', () => {
  const demoBanner = `
    <div class="mw-pbanner">
      <div class="mw-pbanner__top"><span class="mw-pname">SMITH, John (Mr)</span><span class="mw-alerts"><span class="mw-alert">Lives alone</span></span></div>
      <div class="mw-pbanner__row">
        <div class="mw-kv"><span class="mw-k">Born</span> <span class="mw-v">14-Jun-1954 <small>(72y)</small></span></div>
        <div class="mw-kv"><span class="mw-k">Gender</span> <span class="mw-v">Male</span></div>
        <div class="mw-kv"><span class="mw-k">NHS No.</span> <span class="mw-v"><b>943 476 5919</b></span></div>
        <div class="mw-kv"><span class="mw-k">Tel</span> <span class="mw-v">0117 496 0123</span></div>
        <div class="mw-kv"><span class="mw-k">Address</span> <span class="mw-v">Flat 2, 18 Soundwell Road, Staple Hill, Bristol, BS16 4QG</span></div>
      </div>
    </div>`;

  it('reads every field the banner shows, as shown, and keys the record by NHS number', () => {
    expect(readPatient(demoAdapter, page(demoBanner))).toEqual(SMITH_ON_SCREEN);
  });

  it('leaves out a phone the record does not have', () => {
    const html = demoBanner.replace('0117 496 0123', '<i class="mw-none">Not recorded</i>');
    expect(readPatient(demoAdapter, page(html))?.fields.phone).toBeUndefined();
  });

  it('carries text it finds but cannot read, as shown, apart from what it read', () => {
    const html = demoBanner.replace('14-Jun-1954 <small>(72y)</small>', '12-Mar-50??');
    const context = readPatient(demoAdapter, page(html));
    expect(context?.fields.dateOfBirth).toBeUndefined();
    expect(context?.unread).toEqual({ dateOfBirth: '12-Mar-50??' });
    expect(context?.recordKey).toBe(SMITH_ON_SCREEN.recordKey);
  });

  it('reads no patient while the banner is loading or absent', () => {
    expect(
      readPatient(demoAdapter, page('<div class="mw-pbanner mw-pbanner--loading">Loading patient record…</div>')),
    ).toBeNull();
    expect(readPatient(demoAdapter, page('<p>Appointments</p>'))).toBeNull();
  });
});

describe('readPatient with the generic adapter', () => {
  it('finds values beside common labels in definition lists, tables and "Label: value" text', () => {
    const context = readPatient(
      genericAdapter,
      page(`
        <dl><dt>Patient name</dt><dd>Mrs Margaret JONES</dd><dt>D.O.B.</dt><dd>30/11/1941</dd></dl>
        <table><tr><th>NHS Number</th><td>999-004-5674</td><th>Sex</th><td>F</td></tr></table>
        <p>Mobile: 07700 900461</p>
        <div><span>Address</span><span>Room 4, Elmgrove House, Bristol, bs6 6aj</span></div>`),
    );
    expect(context?.fields).toEqual({
      family: 'JONES',
      given: 'Margaret',
      dateOfBirth: '30/11/1941',
      nhsNumber: '999-004-5674',
      sex: 'F',
      phone: '07700 900461',
      postcode: 'bs6 6aj',
    });
    expect(context?.recordKey).toBe('nhs:9990045674');
  });

  it('reads column headers with their cell in the next row', () => {
    const context = readPatient(
      genericAdapter,
      page(
        '<table><thead><tr><th>Name</th><th>DOB</th><th>NHS No</th></tr></thead><tbody><tr><td>Ravi Patel</td><td>21-Jan-1978</td><td>999 003 4567</td></tr></tbody></table>',
      ),
    );
    expect(context?.fields).toMatchObject({ given: 'Ravi', family: 'Patel', dateOfBirth: '21-Jan-1978' });
    expect(context?.fields.nhsNumber).toBe('999 003 4567');
  });

  it('reads form controls linked to their labels', () => {
    const context = readPatient(
      genericAdapter,
      page(
        '<label for="s">Surname</label><input id="s" value="Okafor"><label>Forename <input value="Adaeze"></label><label for="d">Date of birth</label><input id="d" value="03/09/1992">',
      ),
    );
    expect(context?.fields).toMatchObject({ family: 'Okafor', given: 'Adaeze', dateOfBirth: '03/09/1992' });
    expect(context?.recordKey).toMatch(/^person:/);
  });

  it('reads no patient from the other supplier’s banner, which it cannot identify', () => {
    loadOtherSystem();
    // "CHI / NHS" is no label the generic adapter knows and the name has none: it cannot tell who this is, so it reads
    // no patient (rather than half of one). A champion adds an adapter for this page (below).
    expect(readPatient(genericAdapter, document)).toBeNull();
  });
});

describe('readPatient with hostile or odd markup', () => {
  it('ignores hidden decoys, scripts and styles', () => {
    const context = readPatient(
      bannerOnly({ nhsNumber: { label: 'NHS No', pattern: '(\\d{3} \\d{3} \\d{4})' }, name: { selector: '.n' } }),
      page(`<div class="banner">
        <span hidden>NHS No</span><span hidden>111 111 1111</span>
        <span style="display: none">NHS No</span><span>222 222 2222</span>
        <span class="n"><script>var x = "EVIL, Eve"</script><style>.n{}</style>SMITH, John</span>
        <span>NHS No</span><span style="display:none">333 333 3333</span><span>943 476 5919</span>
      </div>`),
    );
    expect(context?.fields).toEqual({ nhsNumber: '943 476 5919', family: 'SMITH', given: 'John' });
  });

  it('reads nothing outside the banner', () => {
    const adapter = bannerOnly({ nhsNumber: { label: 'NHS No' }, name: { selector: '.n' } });
    expect(readPatient(adapter, page('<div class="n">SMITH, John</div><div class="banner"></div>'))).toBeNull();
    expect(
      readPatient(
        adapter,
        page('<p>NHS No</p><p>943 476 5919</p><div class="banner"><span class="n">SMITH, John</span></div>'),
      ),
    ).toBeNull();
  });

  it('survives selectors and patterns that do not parse (data edited outside the schema)', () => {
    const adapter = bannerOnly({
      nhsNumber: { selector: '::::' },
      family: { selector: '.f', pattern: '(' },
      given: { label: 'Given' },
    });
    expect(() => readPatient(adapter, page('<div class="banner"><span class="f">X</span></div>'))).not.toThrow();
    expect(readPatient({ ...adapter, banner: '[[[' }, page('<div class="banner"></div>'))).toBeNull();
  });

  it('drops a value too long to be a field (a whole page matched by a loose selector)', () => {
    const long = 'word '.repeat(100);
    const adapter = bannerOnly({ nhsNumber: { selector: '.x' }, family: { selector: '.y' } });
    const context = readPatient(
      adapter,
      page(`<div class="banner"><span class="x">943 476 5919</span><span class="y">${long}</span></div>`),
    );
    expect(context?.fields).toEqual({ nhsNumber: '943 476 5919' });
  });

  it('treats label text in values as text, never markup', () => {
    const adapter = bannerOnly({ name: { label: 'Name' }, nhsNumber: { selector: '.x' } });
    const context = readPatient(
      adapter,
      page(
        '<div class="banner"><span>Name</span><span>SMITH, &lt;img src=x&gt;</span><span class="x">943 476 5919</span></div>',
      ),
    );
    expect(context?.fields).toEqual({ nhsNumber: '943 476 5919', family: 'SMITH', given: '<img src=x>' });
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('a champion’s adapter for another supplier’s page', () => {
  it('reads the other system’s banner, captions and all', () => {
    loadOtherSystem();
    const downs = orchardDownsAdapter('http://127.0.0.1/other-system/*');
    const orchard: Adapter = {
      ...downs,
      fields: {
        ...downs.fields,
        phone: { label: 'Contact', pattern: '([\\d ]{10,13}\\d)' },
        postcode: { label: 'Residence', pattern: '([A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})$' },
      },
    };
    expect(readPatient(orchard, document)).toEqual({
      recordKey: 'nhs:4857773457',
      adapterId: 'orchard-downs',
      fields: {
        family: 'Marsh',
        given: 'Eleanor',
        dateOfBirth: '07/02/1958',
        sex: 'F',
        nhsNumber: '485 777 3457',
        phone: '0117 496 0552',
        postcode: 'BS8 2XY',
      },
    });
  });
});
