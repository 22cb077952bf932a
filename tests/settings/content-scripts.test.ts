import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { originsFor, PRACTICE_SCRIPT, registrationsFor, restoreContentScripts } from '../../app/shared/content-scripts';
import { demoAdapter } from '../../domain/adapters/built-in';
import { ORCHARD_ADAPTER } from '../../test-support/fixtures/adapters';

describe('what a champion’s adapters need from the browser', () => {
  it('asks for whole origins, once each, whatever the paths', () => {
    expect(
      originsFor([
        'https://clinical.example-gp.nhs.uk/records/*',
        'https://clinical.example-gp.nhs.uk/consult/*',
        'http://127.0.0.1:5173/other-system/*',
        '*://*.orchard.example/*',
      ]),
    ).toEqual(['https://clinical.example-gp.nhs.uk/*', 'http://127.0.0.1:5173/*', '*://*.orchard.example/*']);
  });

  it('registers the practice content script once per adapter, for its patterns', () => {
    expect(
      registrationsFor([demoAdapter, { ...demoAdapter, id: 'orchard', matches: ['https://o.example/*'] }]),
    ).toEqual([
      { id: 'champion-adapter-meridian-demo', matches: demoAdapter.matches },
      { id: 'champion-adapter-orchard', matches: ['https://o.example/*'] },
    ]);
  });
});

/** The browser's registry of run-time content scripts, as Chromium keeps it. */
function scriptingRegistry() {
  const registered = new Map<string, { id: string; matches?: string[]; js?: string[] }>();
  const scripting = {
    getRegisteredContentScripts: async () => [...registered.values()],
    registerContentScripts: async (scripts: { id: string; matches?: string[] }[]) => {
      for (const script of scripts) {
        if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        registered.set(script.id, script);
      }
    },
    updateContentScripts: async (scripts: { id: string; matches?: string[] }[]) => {
      for (const script of scripts) registered.set(script.id, { ...registered.get(script.id), ...script });
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      for (const id of ids) registered.delete(id);
    },
  };
  return { registered, scripting };
}

describe('the practice content script after a restart or an update', () => {
  beforeEach(() => fakeBrowser.reset());

  it('registers the champion’s adapters again, and running twice changes nothing', async () => {
    const { registered, scripting } = scriptingRegistry();
    Object.assign(fakeBrowser, { scripting });
    await fakeBrowser.storage.local.set({ adapters: [ORCHARD_ADAPTER] });
    expect(await restoreContentScripts()).toEqual([]);
    expect(await restoreContentScripts()).toEqual([]);
    expect([...registered.values()].map(({ id, matches, js }) => ({ id, matches, js }))).toEqual([
      { id: 'champion-adapter-orchard', matches: ORCHARD_ADAPTER.matches, js: [PRACTICE_SCRIPT] },
    ]);
  });

  it('registers the policy’s adapters in force, dropping the champion’s the policy replaced', async () => {
    const { registered, scripting } = scriptingRegistry();
    Object.assign(fakeBrowser, { scripting });
    await fakeBrowser.storage.local.set({ adapters: [ORCHARD_ADAPTER] });
    await restoreContentScripts();
    await fakeBrowser.storage.managed.set({ adapters: JSON.stringify([{ ...ORCHARD_ADAPTER, id: 'policy' }]) });
    await restoreContentScripts();
    expect([...registered.keys()]).toEqual(['champion-adapter-policy']);
  });
});
