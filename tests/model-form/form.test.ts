import { describe, expect, it } from 'vitest';
import { BOUNDARIED_VCSE_MODEL, OPEN_PCN_MODEL } from '../../domain/model/examples';
import { controlId, fieldFor, placeErrors } from '../../domain/model-form/field-errors';
import { toForm } from '../../domain/model-form/form';
import { fromForm } from '../../domain/model-form/from-form';

describe('the editor’s form and the model', () => {
  it('round-trips both example models unchanged', () => {
    for (const model of [OPEN_PCN_MODEL, BOUNDARIED_VCSE_MODEL]) {
      expect(fromForm(toForm(model))).toEqual({ ok: true, model });
    }
  });

  it('reads lists typed with commas or spaces, upper-cases areas and drops blank agreement rows', () => {
    const form = toForm(BOUNDARIED_VCSE_MODEL);
    const group = form.scope.pathways[0];
    if (group) group.postcodeAreas = 'bs15,  BS16 bs30;';
    form.scope.practices = 'l81001 L81002';
    form.agreement.agreedBy = [...form.agreement.agreedBy, '   '];
    const result = fromForm(form);
    expect(result.ok && result.model.scope.pathways[0]?.postcodeAreas).toEqual(['BS15', 'BS16', 'BS30']);
    expect(result.ok && result.model.scope.practices).toEqual(['L81001', 'L81002']);
    expect(result.ok && result.model.agreement.agreedBy).toEqual(BOUNDARIED_VCSE_MODEL.agreement.agreedBy);
  });

  it('blank optional boxes are not given: no upper age, no guidance', () => {
    const form = toForm(BOUNDARIED_VCSE_MODEL);
    form.scope.outOfScopeRoute.guidance = '  ';
    const result = fromForm(form);
    expect(result.ok && result.model.scope.pathways[0]?.maxAge).toBeUndefined();
    expect(result.ok && 'guidance' in result.model.scope.outOfScopeRoute).toBe(false);
  });

  it('a flag set to redirect needs where to, and says so at that field', () => {
    const form = toForm(BOUNDARIED_VCSE_MODEL);
    form.safety['secondary-mental-health'].action = 'redirect';
    const result = fromForm(form);
    expect(result.ok).toBe(false);
    const placed = placeErrors(result.ok ? [] : result.errors);
    expect([...placed.byField.keys()]).toEqual([
      'safety.secondary-mental-health.redirectTo.service',
      'safety.secondary-mental-health.redirectTo.contact',
    ]);
    expect(placed.summary[0]?.message).toBe(
      'Under secondary mental-health care: where to instead (service): Name the service to send the person to.',
    );
  });

  it('places each error beside its field, and lists them all for the summary', () => {
    const form = toForm(BOUNDARIED_VCSE_MODEL);
    const group = form.scope.pathways[0];
    if (group) Object.assign(group, { minAge: 'sixty', postcodeAreas: 'BS15, 9XX' });
    form.agreement.agreedBy = [''];
    form.agreement.reviewBy = '2020-01-01';
    form.contactModes = [];
    const result = fromForm(form);
    expect(result.ok).toBe(false);
    const placed = placeErrors(result.ok ? [] : result.errors);
    expect(Object.fromEntries(placed.byField)).toEqual({
      'scope.pathways.0.minAge': ['The lowest age is a whole number, for example 55; “sixty” is not.'],
      'agreement.agreedBy': ['Name who agreed the model: roles and organisations.'],
      'scope.pathways.0.postcodeAreas': ['A postcode area or district, for example BS or BS16.'],
      contactModes: ['Offer at least one way to contact people.'],
      'agreement.reviewBy': ['The review date is before the date the model was agreed.'],
    });
    expect(placed.summary.map((entry) => entry.field)).toEqual([...placed.byField.keys()]);
    expect(placed.summary.map((entry) => entry.field)).toEqual([
      'agreement.agreedBy',
      'agreement.reviewBy',
      'scope.pathways.0.minAge',
      'scope.pathways.0.postcodeAreas',
      'contactModes',
    ]);
    expect(placed.summary[2]?.message).toMatch(/^Group 1: lowest age: /);
  });

  it('reads a date from its day, month and year boxes, and says what is wrong with one at its field', () => {
    const form = toForm(BOUNDARIED_VCSE_MODEL);
    form.agreement.agreedOn = '1/4/2026';
    form.agreement.reviewBy = '31/6/2027';
    const wrong = fromForm(form);
    expect(wrong.ok ? [] : wrong.errors).toEqual([
      { path: 'agreement.reviewBy', message: 'Review date must be a real date.' },
    ]);
    form.agreement.reviewBy = '30/Jun/2027';
    const result = fromForm(form);
    expect(result.ok && result.model.agreement).toMatchObject({ agreedOn: '2026-04-01', reviewBy: '2027-06-30' });
    form.agreement.agreedOn = '1//2026';
    const missing = fromForm(form);
    expect(missing.ok ? [] : missing.errors).toEqual([
      { path: 'agreement.agreedOn', message: 'Date agreed must include a month.' },
    ]);
  });

  it('finds the nearest field for deeper paths, and gives controls stable ids', () => {
    expect(fieldFor('scope.pathways.1.postcodeAreas.3')).toBe('scope.pathways.1.postcodeAreas');
    expect(fieldFor('scope.pathways.1')).toBe('scope.pathways.1.label');
    expect(fieldFor('scope.pathways')).toBe('scope.pathways');
    expect(fieldFor('agreement.agreedBy.0')).toBe('agreement.agreedBy');
    expect(fieldFor('scope.outOfScopeRoute')).toBe('scope.outOfScopeRoute.service');
    expect(fieldFor('formatVersion')).toBeUndefined();
    expect(controlId('agreement.agreedOn')).toBe('model-agreement-agreedOn');
    expect(placeErrors([{ path: 'formatVersion', message: 'Wrong.' }]).summary).toEqual([
      { message: 'formatVersion: Wrong.' },
    ]);
  });
});
