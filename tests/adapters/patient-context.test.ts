import { describe, expect, it } from 'vitest';
import { parsePatientContext, recordKeyFor } from '../../domain/adapters/patient-context';

describe('recordKeyFor', () => {
  it('keys a record by its NHS number digits, however the page spaces them', () => {
    expect(recordKeyFor({ nhsNumber: '943 476 5919', family: 'SMITH' })).toBe('nhs:9434765919');
    expect(recordKeyFor({ nhsNumber: '943-476-5919' })).toBe('nhs:9434765919');
  });

  it('falls back to name and date of birth, ignoring case and spacing', () => {
    const key = recordKeyFor({ family: 'Smith', given: 'John', dateOfBirth: '12-Mar-1950' });
    expect(key).toMatch(/^person:[0-9a-z]+$/);
    expect(recordKeyFor({ family: ' SMITH ', given: 'john', dateOfBirth: '12-mar-1950' })).toBe(key);
    expect(recordKeyFor({ family: 'Smith', given: 'Joan', dateOfBirth: '12-Mar-1950' })).not.toBe(key);
    expect(recordKeyFor({ family: 'Smith', given: 'John', dateOfBirth: '13-Mar-1950' })).not.toBe(key);
  });

  it('gives no key when the page shows too little to tell patients apart', () => {
    expect(recordKeyFor({ nhsNumber: '943 476', family: 'Smith', given: 'John' })).toBeUndefined();
    expect(recordKeyFor({})).toBeUndefined();
  });
});

describe('parsePatientContext', () => {
  it('accepts a context the content script sends', () => {
    const context = { recordKey: 'nhs:9434765919', adapterId: 'demo', fields: { nhsNumber: '943 476 5919' } };
    expect(parsePatientContext(context)).toEqual(context);
  });

  it('refuses anything else: a bad key, an unknown field, an over-long value', () => {
    expect(parsePatientContext({ recordKey: 'x', adapterId: 'demo', fields: {} })).toBeNull();
    expect(
      parsePatientContext({ recordKey: 'nhs:9434765919', adapterId: 'demo', fields: { nhsNumber: 'x'.repeat(201) } }),
    ).toBeNull();
    expect(parsePatientContext('nhs:9434765919')).toBeNull();
  });
});
