import { describe, expect, it } from 'vitest';
import {
  adapterFor,
  adapterSchema,
  BUILT_IN_ADAPTERS,
  demoAdapter,
  genericAdapter,
  matchesUrl,
  splitName,
} from '../../domain/adapters';

describe('adapterSchema', () => {
  it('accepts the built-in adapters', () => {
    for (const adapter of BUILT_IN_ADAPTERS) expect(adapterSchema.parse(adapter)).toEqual(adapter);
  });

  it('says where an edited adapter is wrong', () => {
    const result = adapterSchema.safeParse({
      ...demoAdapter,
      id: 'Has Spaces',
      matches: ['gp.example.nhs.uk'],
      banner: 'div[',
      fields: { nhsNumber: { pattern: '(' }, dateOfBirth: {}, favouriteColour: { selector: 'p' } },
    });
    expect(result.success).toBe(false);
    const problems = result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
    expect(problems).toEqual(
      expect.arrayContaining([
        'id: An adapter id is lower-case letters, digits and dashes (up to 64).',
        'matches.0: Not a URL match pattern (for example https://gp.example.nhs.uk/*).',
        'banner: Not a CSS selector the browser understands.',
        'fields.nhsNumber.pattern: Not a regular expression.',
        'fields.dateOfBirth: Give a CSS selector or a label text.',
      ]),
    );
    expect(problems).toContain(
      'fields: Not a field an adapter reads: favouriteColour (it reads nhsNumber, given, family, dateOfBirth, sex, phone, email, postcode, interpreterLanguage, name, alerts).',
    );
  });
});

describe('matchesUrl', () => {
  it('follows the browsers’ match pattern rules', () => {
    expect(matchesUrl('http://127.0.0.1/*', 'http://127.0.0.1:5173/')).toBe(true);
    expect(matchesUrl('http://127.0.0.1:5173/*', 'http://127.0.0.1:5174/')).toBe(false);
    expect(matchesUrl('https://*.example.nhs.uk/*', 'https://gp.example.nhs.uk/record?id=1')).toBe(true);
    expect(matchesUrl('https://*.example.nhs.uk/*', 'https://example.nhs.uk/')).toBe(true);
    expect(matchesUrl('https://*.example.nhs.uk/*', 'https://evil-example.nhs.uk/')).toBe(false);
    expect(matchesUrl('https://*.example.nhs.uk/*', 'http://gp.example.nhs.uk/')).toBe(false);
    expect(matchesUrl('*://gp.example.nhs.uk/clinical/*', 'https://gp.example.nhs.uk/clinical/consult')).toBe(true);
    expect(matchesUrl('*://gp.example.nhs.uk/clinical/*', 'https://gp.example.nhs.uk/admin')).toBe(false);
    expect(matchesUrl('<all_urls>', 'chrome://settings')).toBe(false);
    expect(matchesUrl('<all_urls>', 'not a url')).toBe(false);
  });

  it('picks the first adapter that matches, so specific ones win over the generic one', () => {
    expect(adapterFor(BUILT_IN_ADAPTERS, 'http://127.0.0.1:5173/')?.id).toBe(demoAdapter.id);
    expect(adapterFor(BUILT_IN_ADAPTERS, 'https://gp.example.nhs.uk/')?.id).toBe(genericAdapter.id);
    expect(adapterFor([demoAdapter], 'https://gp.example.nhs.uk/')).toBeUndefined();
  });
});

describe('splitName', () => {
  it('splits the ways banners write names', () => {
    expect(splitName('SMITH, John (Mr)')).toEqual({ family: 'SMITH', given: 'John' });
    expect(splitName('Okafor, Adaeze Ngozi')).toEqual({ family: 'Okafor', given: 'Adaeze Ngozi' });
    expect(splitName('Mrs Margaret JONES')).toEqual({ family: 'JONES', given: 'Margaret' });
    expect(splitName('Dr. Ravi Kumar Patel')).toEqual({ family: 'Patel', given: 'Ravi Kumar' });
    expect(splitName('HUGHES, Mx Alex')).toEqual({ family: 'HUGHES', given: 'Alex' });
    expect(splitName('Prince')).toEqual({ family: 'Prince' });
    expect(splitName('  (Mr) ')).toEqual({});
  });
  it('checks the shape of a selector without a DOM (the domain runs in workers and Node too)', () => {
    const parses = (banner: string) => adapterSchema.safeParse({ ...demoAdapter, banner }).success;
    for (const good of ['div', '#a .b > c', 'a[data-x="]"]', 'a:not(.b)', 'x, y', 'p ~ q', '[aria-label="NHS No."]']) {
      expect([good, parses(good)]).toEqual([good, true]);
    }
    for (const bad of ['div[', '(', 'a,', '> a', 'a..b', '#', 'a.', 'x,,y', "a[x='1]"]) {
      expect([bad, parses(bad)]).toEqual([bad, false]);
    }
  });
});
