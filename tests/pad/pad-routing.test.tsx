import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { Pad } from '../../app/pad/Pad';
import type { PadState } from '../../app/pad/pad-state';
import type { DirectoryEntry } from '../../domain/service/directory';
import { kingsmeadConnect, riversideDirectory, valleyPcn } from '../../test-support/fixtures/services';
import { completeDraft, JOHN, padWithModel } from './fixtures';
import { renderRoot } from './render-root';

const root = renderRoot();
const ENDPOINT = 'http://127.0.0.1:9/fhir';
const text = () => root().textContent ?? '';
const byText = (selector: string, words: string) =>
  [...root().querySelectorAll<HTMLElement>(selector)].find((element) => element.textContent?.includes(words));

/** The pad with Riverside's directory (Kingsmead Connect 55+, boundaried; the Valley PCN, open) fetched from its queue. */
async function padWithDirectory(
  entries: DirectoryEntry[] = riversideDirectory,
  from = ENDPOINT,
  fetchedAt = new Date().toISOString(),
): Promise<PadState> {
  const state = padWithModel();
  state.cachedDirectory.value = {
    directory: { practice: 'L81001', fetchedAt, entries },
    refresh: { from, triedAt: new Date().toISOString() },
  };
  await state.recordChanged(JOHN);
  await act(() => {
    render(<Pad state={state} />, root());
  });
  return state;
}

async function typeIn(state: PadState, change: Parameters<PadState['update']>[0]): Promise<void> {
  await act(() => state.update(change));
}

/** An isolated man of 72 in BS16: both services fit. */
const isolatedInBs16 = () => ({ ...completeDraft(), patient: { ...completeDraft().patient, postcode: 'BS16 1QY' } });
const chosenName = (state: PadState) => state.chosen.value?.entry.service.name;

describe('the pad routing a referral across the practice’s directory', () => {
  it('offers the services it fits with capacity beside each, chooses the accepting one, and checks against it', async () => {
    const state = await padWithDirectory();
    await typeIn(state, isolatedInBs16);
    const radios = [...root().querySelectorAll<HTMLInputElement>('input[name="service"]')];
    expect(radios.map((radio) => [radio.value, radio.checked])).toEqual([
      [kingsmeadConnect.id, false],
      [valleyPcn.id, true],
    ]);
    expect(text()).toContain('Waiting list of about 3 weeks: Groups restart in January');
    expect(text()).toContain('Accepting referrals');
    expect(state.verdict.value?.modelId).toBe(riversideDirectory[1]?.agreement.model.id);
    expect(root().querySelector('.pad-verdict__model')?.textContent).toContain(
      'Agreed by Dr Amina Patel, Riverside Surgery and Sam Lee, Kingsmead Valley PCN on 3 December 2026; review by 2 December 2027',
    );
    expect(root().querySelector('#pad-send-service')?.textContent).toBe(`To ${valleyPcn.name} (Accepting referrals)`);

    // Choosing the other re-checks against its agreed model (version 2 of the boundaried one).
    await act(() => radios[0]?.click());
    expect(chosenName(state)).toBe(kingsmeadConnect.name);
    expect([state.verdict.value?.modelId, state.verdict.value?.modelVersion]).toEqual(['kingsmead-connect-55', 2]);
  });

  it('lists a service the referral does not fit with its reason in one line, and refers there instead in one press', async () => {
    const state = await padWithDirectory();
    await typeIn(state, isolatedInBs16);
    state.chooseService(kingsmeadConnect.id);
    // Debt only: outside Kingsmead's agreed needs; its redirect card names the Valley PCN in the directory.
    await typeIn(state, (draft) => ({ ...draft, needs: ['money-debt'], whatMatters: 'The letters from the bank' }));
    expect(state.verdict.value?.outcome).toBe('redirect');
    const notOffered = root().querySelector(`.pad-services__others [data-service="${kingsmeadConnect.id}"]`);
    expect(notOffered?.textContent).toBe(
      `${kingsmeadConnect.name}: This service is for people with loneliness or isolation: send to the PCN social prescribing link workers instead.`,
    );
    const instead = byText('button', `Refer to ${valleyPcn.name} instead`);
    expect(instead).toBeDefined();
    await act(() => instead?.click());
    expect(chosenName(state)).toBe(valleyPcn.name);
    expect(state.draft.value.whatMatters).toBe('The letters from the bank');
    expect(state.verdict.value?.outcome).not.toBe('redirect');
    expect(byText('button', 'instead')).toBeUndefined();
  });

  it('shows a paused service as paused and never offers it', async () => {
    const [kingsmead, valley] = riversideDirectory as [DirectoryEntry, DirectoryEntry];
    const paused = {
      ...valley,
      service: {
        ...valley.service,
        capacity: { state: 'paused' as const, until: '2099-01-05', note: 'Staff on leave' },
      },
    };
    const state = await padWithDirectory([kingsmead, paused]);
    await typeIn(state, isolatedInBs16);
    expect([...root().querySelectorAll<HTMLInputElement>('input[name="service"]')].map((radio) => radio.value)).toEqual(
      [kingsmeadConnect.id],
    );
    expect(root().querySelector(`[data-service="${valleyPcn.id}"]`)?.textContent).toBe(
      `${valleyPcn.name}: Paused until 5 January 2099: Staff on leave. Not offered.`,
    );
    state.chooseService(valleyPcn.id);
    expect(chosenName(state)).toBe(kingsmeadConnect.name);
  });

  it('works as before without a directory from the queue in force: the settings’ model, no services', async () => {
    const state = await padWithDirectory(riversideDirectory, 'http://another-queue.example/fhir');
    expect(state.routes.value).toBeUndefined();
    expect(root().querySelector('.pad-services')).toBeNull();
    expect(state.model.value?.id).toBe(state.settings.value?.model?.id);
  });

  it('says how old the directory is when it could not be refreshed for over a day', async () => {
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000 - 60_000).toISOString();
    await padWithDirectory(riversideDirectory, ENDPOINT, threeDaysAgo);
    expect(root().querySelector('.pad-services__stale')?.textContent).toBe(
      'Directory from 3 days ago: a service may have changed since.',
    );
    await padWithDirectory();
    expect(root().querySelector('.pad-services__stale')).toBeNull();
  });
});
