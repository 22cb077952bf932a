import { describe, expect, it } from 'vitest';
import { demoAdapter } from '../../lib/adapters/built-in';
import { originsFor, registrationsFor } from '../../lib/settings/content-scripts';

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
