import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { CountsSection } from '../../app/options/CountsSection';
import { createOptionsState } from '../../app/options/options-state';
import { loadLocalSettings } from '../../app/shared/storage/settings';
import { readManaged } from '../../domain/settings/managed';
import { settingsSchema } from '../../domain/settings/settings';
import { renderRoot } from '../pad/render-root';

const root = renderRoot();
const box = () => root().querySelector<HTMLInputElement>('input[type="checkbox"]');

async function mount(policy?: object) {
  const state = createOptionsState({ local: settingsSchema.parse({}), managed: readManaged(policy) });
  await act(() => {
    render(<CountsSection state={state} />, root());
  });
  return state;
}

describe('the options page’s counts for the service', () => {
  it('is off until the champion turns it on, says exactly what is sent, and saves the choice', async () => {
    await mount();
    expect(box()?.checked).toBe(false);
    const text = root().textContent ?? '';
    expect(text).toContain('Share counts of referrals checked with the service');
    expect(text).toContain('no patient’s name, NHS number, date of birth, address or contact details');
    expect(text).toMatch(/6 checked — 3 sent in the model, 1 sent with an override, 1 redirected to NHS 111/);
    await act(async () => {
      box()?.click();
    });
    await expect.poll(async () => (await loadLocalSettings()).shareCounts).toBe(true);
    expect(box()?.checked).toBe(true);
    expect(root().querySelector('[role="status"]')?.textContent).toBe('Counts will be shared from today.');
  });

  it('is locked where the organisation’s policy sets it', async () => {
    await mount({ shareCounts: false });
    expect(box()?.closest('fieldset')?.disabled).toBe(true);
    expect(root().textContent).toContain('Set by your organisation.');
  });
});
