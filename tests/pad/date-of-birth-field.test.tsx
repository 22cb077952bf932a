import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { Pad } from '../../app/pad/Pad';
import type { PadState } from '../../app/pad/pad-state';
import { isUntouched } from '../../domain/pad/untouched';
import { JOHN, padWithModel } from './fixtures';
import { renderRoot } from './render-root';

const root = renderRoot();
const ID = 'pad-patient-dateOfBirth';

async function mount(state: PadState): Promise<void> {
  await act(() => {
    render(<Pad state={state} />, root());
  });
}

/** The day, month and year boxes in order (whichever of them carries the group's id). */
function boxes(): HTMLInputElement[] {
  return ['day', 'month', 'year'].map(
    (part) => root().querySelector<HTMLInputElement>(`input[name="dateOfBirth-${part}"]`) as HTMLInputElement,
  );
}

async function type(box: HTMLInputElement, value: string): Promise<void> {
  await act(() => {
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const group = () => root().querySelector(`#${ID}`)?.closest('.nhsuk-form-group') as HTMLElement;

describe('the date of birth in the pad: day, month and year', () => {
  it('shows the record’s date in three numeric boxes under one legend, read back in words', async () => {
    const state = padWithModel();
    await state.recordChanged(JOHN);
    await mount(state);
    expect(boxes().map((box) => box.value)).toEqual(['14', '6', '1954']);
    for (const box of boxes()) expect(box.inputMode).toBe('numeric');
    expect(root().querySelector('input[type="date"]')).toBeNull();
    const legend = group().querySelector('legend')?.textContent;
    expect(legend).toBe('Date of birth from the record');
    expect(group().querySelector('.nhsuk-hint')?.textContent).toBe('For example, 3 7 1948');
    expect(root().querySelector(`#${ID}-read`)?.textContent).toMatch(/^14 June 1954, aged \d+$/);
    // The day box carries the field's id, so the live check's link to the field lands on it.
    expect(boxes()[0]?.id).toBe(ID);
  });

  it('says nothing is wrong while a date is half typed, then one error on the box that is wrong', async () => {
    const state = padWithModel();
    await state.recordChanged(null);
    await mount(state);
    const [day, month, year] = boxes() as [HTMLInputElement, HTMLInputElement, HTMLInputElement];
    await type(day, '3');
    await type(month, '7');
    expect(group().querySelector('.nhsuk-error-message')).toBeNull();
    await type(year, '48');
    expect(group().querySelectorAll('.nhsuk-error-message')).toHaveLength(1);
    expect(group().querySelector('.nhsuk-error-message')?.textContent).toBe('Error: Year must include 4 numbers');
    expect(year.getAttribute('aria-invalid')).toBe('true');
    expect(year.id).toBe(ID);
    expect(day.getAttribute('aria-invalid')).toBeNull();
    await type(year, '1948');
    expect(group().querySelector('.nhsuk-error-message')).toBeNull();
    expect(root().querySelector(`#${ID}-read`)?.textContent).toMatch(/^3 July 1948, aged \d+$/);
    expect(root().querySelector(`#${ID}-source`)?.textContent).toBe('typed');
    await type(day, '31');
    await type(month, '6');
    expect(group().querySelector('.nhsuk-error-message')?.textContent).toBe('Error: Date of birth must be a real date');
    expect(day.id).toBe(ID);
    await type(day, '3');
    // Kept as typed, day first, so the boxes show it again as it was typed.
    expect(state.draft.value.patient.dateOfBirth).toBe('3/6/1948');
  });

  it('shows a date the record prints but the pad cannot read as such, with empty boxes for the referrer to fill', async () => {
    const state = padWithModel();
    await state.recordChanged({ ...JOHN, fields: { ...JOHN.fields, dateOfBirth: '12-Mar-50??' } });
    await mount(state);
    expect(boxes().map((box) => box.value)).toEqual(['', '', '']);
    expect(root().querySelector(`#${ID}-source`)?.textContent).toBe('Could not read from the record: ‘12-Mar-50??’');
    expect(root().textContent).not.toMatch(/Date of birth\s*from the record/);
    expect(state.verdict.value?.cards.map((card) => card.summary)).toContain('Date of birth is missing.');
    // Nothing was typed: the draft may still follow the record to the next patient.
    expect(isUntouched(state.draft.value)).toBe(true);
    const [day, month, year] = boxes() as [HTMLInputElement, HTMLInputElement, HTMLInputElement];
    await type(day, '12');
    await type(month, '3');
    await type(year, '1950');
    expect(root().querySelector(`#${ID}-source`)?.textContent).toBe('typed');
    expect(state.verdict.value?.cards.map((card) => card.summary)).not.toContain('Date of birth is missing.');
  });
});
