import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Pad } from '../../app/pad/Pad';
import { createPadState, type PadState } from '../../app/pad/pad-state';
import { loadDraft } from '../../app/shared/storage/drafts';
import { NO_RECORD } from '../../domain/drafts/saved-draft';
import { noSafetyConcerns } from '../../test-support/fixtures/safety';
import { JOHN, padWithModel } from './fixtures';
import { renderRoot } from './render-root';

const root = renderRoot();

async function mount(state: PadState): Promise<void> {
  await act(() => {
    render(<Pad state={state} />, root());
  });
}

const byId = (id: string) => root().querySelector<HTMLElement>(`#${id}`);
const text = () => root().textContent ?? '';

describe('the pad, rendered', () => {
  it('keeps what was typed when the banner flickers to no patient and back while the pad opens (OPEN-1)', async () => {
    const state = padWithModel();
    await state.recordChanged(JOHN);
    // The watcher reports no patient (banner re-rendered), then the same patient, before the first read finishes.
    const flicker = state.recordChanged(null);
    await state.recordChanged(JOHN);
    state.update((draft) => ({ ...draft, needs: ['loneliness'], whatMatters: 'my garden' }));
    await flicker;
    expect(state.open.value?.recordKey).toBe(JOHN.recordKey);
    expect(state.draft.value.needs).toEqual(['loneliness']);
    expect(state.draft.value.whatMatters).toBe('my garden');
    await state.settled();
    const saved = await loadDraft(JOHN.recordKey);
    expect(saved.status === 'found' && saved.saved.draft.needs).toEqual(['loneliness']);
  });

  it('carries a need pressed before the banner was read into the patient’s new draft, and keeps no copy (OPEN-1)', async () => {
    const state = padWithModel();
    await state.recordChanged(null);
    // The patient is read while the referrer presses a need in the form shown for "no record on screen".
    const arriving = state.recordChanged(JOHN);
    state.update((draft) => ({ ...draft, needs: [...draft.needs, 'loneliness'] }));
    await arriving;
    expect(state.open.value?.recordKey).toBe(JOHN.recordKey);
    expect(state.draft.value.needs).toEqual(['loneliness']);
    expect(state.draft.value.patient.given).toBe(JOHN.fields.given);
    await state.settled();
    const saved = await loadDraft(JOHN.recordKey);
    expect(saved.status === 'found' && saved.saved.draft.needs).toEqual(['loneliness']);
    await vi.waitFor(async () => expect((await loadDraft(NO_RECORD)).status).toBe('none'));
  });

  it('adds what was typed before the banner was read to the patient’s stored draft, losing neither (OPEN-1)', async () => {
    const earlier = padWithModel();
    await earlier.recordChanged(JOHN);
    earlier.update((draft) => ({ ...draft, needs: ['debt'], whatMatters: 'the allotment' }));
    await earlier.settled();

    // The pad is reopened (a reload): no patient read at first, then John while a need is pressed.
    const state = padWithModel();
    await state.recordChanged(null);
    const arriving = state.recordChanged(JOHN);
    state.update((draft) => ({ ...draft, needs: [...draft.needs, 'loneliness'] }));
    await arriving;
    expect(state.draft.value.needs).toEqual(['debt', 'loneliness']);
    expect(state.draft.value.whatMatters).toBe('the allotment');
  });

  it('leaves a draft that names its own patient where it is when a record appears', async () => {
    const state = padWithModel();
    await state.recordChanged(null);
    state.update((draft) => ({ ...draft, patient: { ...draft.patient, family: 'Jones' }, needs: ['loneliness'] }));
    await state.recordChanged(JOHN);
    expect(state.open.value?.recordKey).toBe(NO_RECORD);
    expect(state.draft.value.patient.family).toBe('Jones');
  });

  it('keeps the draft being typed in when the banner goes blank meanwhile, so the guard can still say whose it is', async () => {
    const state = padWithModel();
    await state.recordChanged(JOHN);
    // The banner goes blank (the page is moving to another patient) and the referrer types before it comes back.
    const blank = state.recordChanged(null);
    state.update((draft) => ({ ...draft, whatMatters: 'his allotment' }));
    await blank;
    expect(state.open.value?.recordKey).toBe(JOHN.recordKey);
    expect(state.draft.value.whatMatters).toBe('his allotment');
    await state.recordChanged({ ...JOHN, recordKey: 'nhs:9990034567' });
    expect(state.open.value?.recordKey).toBe(JOHN.recordKey);
    expect(state.patientCheck.value?.kind).toBe('different');
  });

  it('says plainly that no model is set and keeps Send disabled', async () => {
    const state = createPadState();
    state.settings.value = { retentionDays: 7, notDeliveredAfterMinutes: 60, modelHistory: [], adapters: [] };
    await state.recordChanged(null);
    await mount(state);
    expect(text()).toContain('No agreed service model is set — ask your practice champion.');
    expect((byId('pad-send') as HTMLButtonElement).disabled).toBe(true);
  });

  it('marks each pre-filled field as from the record, and as typed once edited', async () => {
    const state = padWithModel();
    await state.recordChanged(JOHN);
    await mount(state);
    expect((byId('pad-patient-nhsNumber') as HTMLInputElement).value).toBe('943 476 5919');
    expect(byId('pad-patient-given-source')?.textContent).toBe('from the record');
    const given = byId('pad-patient-given') as HTMLInputElement;
    await act(() => {
      given.value = 'Johnny';
      given.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(byId('pad-patient-given-source')?.textContent).toBe('typed');
    await state.settled();
    const saved = await loadDraft(JOHN.recordKey);
    expect(saved.status === 'found' && saved.saved.draft.patient.given).toBe('Johnny');
  });

  it('shows the error summary at the top, focused, when Send fails, and keeps the draft', async () => {
    const state = padWithModel();
    await state.recordChanged(JOHN);
    state.update((draft) => ({
      ...draft,
      needs: ['loneliness'],
      safety: noSafetyConcerns(),
      consent: { referral: true, sharing: true },
      referrer: { name: 'Dr Asha Patel', role: 'GP', odsCode: 'L81001' },
    }));
    await mount(state);
    expect(state.blocked.value).toBeUndefined();
    // No background answers here (as when the extension's worker is broken): the referral is not saved.
    await act(async () => {
      (byId('pad-send') as HTMLButtonElement).click();
    });
    await vi.waitFor(() => expect(state.problems.value).not.toEqual([]));
    await act(() => state.settled());
    // The summary takes focus as it renders: wait for that, as a screen reader user would.
    await vi.waitFor(() => expect(document.activeElement).toBe(root().querySelector('#pad-error-summary')));
    const summary = root().querySelector('#pad-error-summary');
    expect(summary?.textContent).toContain('There is a problem');
    expect(summary?.textContent).toContain('The referral was not saved');
    expect(root().querySelector('form')?.firstElementChild).toBe(summary);
    expect(text()).not.toContain('Saved — will be sent');
    expect((await loadDraft(JOHN.recordKey)).status).toBe('found');
  });

  it('flags suicidal thoughts on the open model: a red card with the crisis route, Send off until “I have used this route”', async () => {
    const state = padWithModel();
    await state.recordChanged(JOHN);
    state.update((draft) => ({
      ...draft,
      needs: ['loneliness'],
      safety: { ...noSafetyConcerns(), 'suicidal-thoughts': true },
      consent: { referral: true, sharing: true },
      referrer: { name: 'Dr Asha Patel', role: 'GP', odsCode: 'L81001' },
    }));
    await mount(state);
    const card = root().querySelector('.pad-card--critical');
    expect(card?.textContent).toContain('NHS 111 option 2');
    expect(card?.textContent).toContain('Use this route now as well:');
    expect((byId('pad-send') as HTMLButtonElement).disabled).toBe(true);
    expect(state.blocked.value).toMatch(/tick “I have used this route”/);
    expect(text()).not.toContain('Cannot be sent: safety');
    const used = byId('pad-route-used-suicidal-thoughts') as HTMLInputElement;
    await act(() => {
      used.click();
    });
    expect(state.draft.value.routesUsed).toEqual({ 'suicidal-thoughts': true });
    expect(state.blocked.value).toBeUndefined();
    expect((byId('pad-send') as HTMLButtonElement).disabled).toBe(false);
    expect(root().querySelector('.pad-verdict__outcome')?.textContent).toMatch(
      /^In the agreed model, with points for the link worker: a safety answer is flagged/,
    );
  });
});
