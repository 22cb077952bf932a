import { describe, expect, it } from 'vitest';
import { emptyAdapterForm, fromAdapterForm, toAdapterForm } from '../../domain/adapter-form/adapter-form';
import { demoAdapter } from '../../domain/adapters/built-in';

describe('the adapter editor’s form and the adapter', () => {
  it('round-trips the built-in demo adapter', () => {
    expect(fromAdapterForm(toAdapterForm(demoAdapter))).toEqual({ ok: true, adapter: demoAdapter });
  });

  it('makes an id from the name, reads patterns one a line and leaves blank rules out', () => {
    const form = emptyAdapterForm();
    form.name = 'Orchard Clinical (Downs)';
    form.matches = ' http://127.0.0.1/other-system/*\n\nhttps://orchard.example.nhs.uk/*';
    form.banner = '.oc-ident';
    form.fields.nhsNumber = { selector: '[data-ident="nhs"]', label: '', pattern: '' };
    form.fields.dateOfBirth = { selector: '', label: 'Date of birth', pattern: '(\\d{2}/\\d{2}/\\d{4})' };
    expect(fromAdapterForm(form)).toEqual({
      ok: true,
      adapter: {
        id: 'orchard-clinical-downs',
        name: 'Orchard Clinical (Downs)',
        matches: ['http://127.0.0.1/other-system/*', 'https://orchard.example.nhs.uk/*'],
        banner: '.oc-ident',
        fields: {
          nhsNumber: { selector: '[data-ident="nhs"]' },
          dateOfBirth: { label: 'Date of birth', pattern: '(\\d{2}/\\d{2}/\\d{4})' },
        },
      },
    });
  });

  it('places each problem at its box', () => {
    const form = emptyAdapterForm();
    form.name = 'Broken';
    form.matches = 'not a pattern';
    form.banner = '.ok';
    form.fields.phone = { selector: '', label: '', pattern: '(' };
    const result = fromAdapterForm(form);
    expect(result.ok ? [] : result.errors).toEqual([
      { path: 'matches', message: 'Not a URL match pattern (for example https://gp.example.nhs.uk/*).' },
      { path: 'fields.phone.pattern', message: 'Not a regular expression.' },
      { path: 'fields.phone.selector', message: 'Give a CSS selector or a label text.' },
    ]);
  });
});
