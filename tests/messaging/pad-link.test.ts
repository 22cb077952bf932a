import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followPatient, linkToPage } from '../../app/pad/pad-link';
import type { PatientContext } from '../../domain/adapters/patient-context';
import { SMITH_ON_SCREEN } from '../../test-support/fixtures/demo-patients';

const TAB = 7;
const OKAFOR: PatientContext = {
  recordKey: 'nhs:9990012342',
  adapterId: 'meridian-demo',
  fields: { family: 'OKAFOR', given: 'Adaeze' },
};
type Sender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
const sender = (fields: object) => fields as Sender;
const contentScript = { id: browser.runtime.id, url: 'http://127.0.0.1:5173/', tab: { id: TAB } };
const fromContentScript = sender(contentScript);

/** The content script's answer to which-patient, released when the test says (so it can cross a broadcast). */
function slowAnswer(context: PatientContext | null) {
  let release: () => void = () => undefined;
  const answered = new Promise<PatientContext | null>((resolve) => {
    release = () => resolve(context);
  });
  (fakeBrowser.tabs as unknown as { sendMessage: () => Promise<unknown> }).sendMessage = () => answered;
  return { release, answered };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('followPatient', () => {
  it('gives the patient on screen, then each change', async () => {
    const answer = slowAnswer(SMITH_ON_SCREEN);
    const seen: (string | undefined)[] = [];
    followPatient(TAB, (context) => seen.push(context?.fields.family));
    answer.release();
    await vi.waitFor(() => expect(seen).toEqual(['SMITH']));
    await fakeBrowser.runtime.onMessage.trigger({ type: 'patient-on-screen', context: OKAFOR }, fromContentScript);
    expect(seen).toEqual(['SMITH', 'OKAFOR']);
  });

  it('drops an answer that arrives after a newer change: the pad never goes back to the previous patient', async () => {
    const answer = slowAnswer(SMITH_ON_SCREEN);
    const seen: (string | undefined)[] = [];
    followPatient(TAB, (context) => seen.push(context?.fields.family));
    await fakeBrowser.runtime.onMessage.trigger({ type: 'patient-on-screen', context: OKAFOR }, fromContentScript);
    answer.release();
    // The answer has been read once its promise settles and a few ticks pass; nothing may be reported for it.
    await answer.answered;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual(['OKAFOR']);
  });

  it('ignores patients from another tab, another extension or a malformed message', async () => {
    const answer = slowAnswer(null);
    const seen: (string | undefined)[] = [];
    followPatient(TAB, (context) => seen.push(context?.fields.family ?? 'none'));
    answer.release();
    await vi.waitFor(() => expect(seen).toEqual(['none']));
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'patient-on-screen', context: OKAFOR },
      sender({ ...contentScript, tab: { id: 8 } }),
    );
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'patient-on-screen', context: OKAFOR },
      sender({ ...contentScript, id: 'another-extension' }),
    );
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'patient-on-screen', context: { ...OKAFOR, recordKey: 'made up' } },
      fromContentScript,
    );
    expect(seen).toEqual(['none']);
  });
});

/** Whether anything listens for runtime messages (the fake has this; its types do not say so). */
const listening = () => (fakeBrowser.runtime.onMessage as unknown as { hasListeners(): boolean }).hasListeners();

describe('linkToPage', () => {
  const NONCE = '#Q2hhbmdlIG1lIHBsZWFzZQ';
  /** The content script: confirms or not; answers which-patient when released. */
  function contentScript(confirmed: boolean, context: PatientContext | null) {
    let release: () => void = () => undefined;
    const answered = new Promise<PatientContext | null>((resolve) => {
      release = () => resolve(context);
    });
    const tabs = fakeBrowser.tabs as unknown as { getCurrent: () => Promise<unknown>; sendMessage: unknown };
    tabs.getCurrent = async () => ({ id: TAB });
    tabs.sendMessage = async (_tab: number, message: { type: string }) =>
      message.type === 'confirm-frame' ? { confirmed } : answered;
    return { release };
  }

  it('does not miss a change while the pad is starting up', async () => {
    const page = contentScript(true, null);
    const linking = linkToPage(NONCE);
    await vi.waitFor(() => expect(listening()).toBe(true));
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'patient-on-screen', context: SMITH_ON_SCREEN },
      fromContentScript,
    );
    page.release(); // the older answer ("no patient yet") arrives last and is dropped
    const link = await linking;
    expect(link?.context).toEqual(SMITH_ON_SCREEN);
    const seen: (string | undefined)[] = [];
    link?.follow((context) => seen.push(context?.fields.family));
    await fakeBrowser.runtime.onMessage.trigger({ type: 'patient-on-screen', context: OKAFOR }, fromContentScript);
    expect(seen).toEqual(['SMITH', 'OKAFOR']);
  });

  it('gives no link, and stops listening, when the content script does not confirm the nonce', async () => {
    contentScript(false, SMITH_ON_SCREEN).release();
    expect(await linkToPage(NONCE)).toBeNull();
    expect(listening()).toBe(false);
    expect(await linkToPage('#short')).toBeNull();
  });
});
