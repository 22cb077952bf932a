import { describe, expect, it } from 'vitest';
import {
  isFromContentScriptOfTab,
  isFromOurExtension,
  isFromPad,
  patientOnScreenSchema,
  readToContentScript,
  toContentScriptSchema,
} from '../../app/shared/messaging';

const ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('messages to the content script', () => {
  it('parses each kind the pad and the background send', () => {
    const nonce = 'Q2hhbmdlIG1lIHBsZWFzZQ';
    expect(toContentScriptSchema.parse({ type: 'which-patient' })).toEqual({ type: 'which-patient' });
    expect(toContentScriptSchema.parse({ type: 'confirm-frame', nonce })).toEqual({ type: 'confirm-frame', nonce });
    expect(toContentScriptSchema.parse({ type: 'close-pad' })).toEqual({ type: 'close-pad' });
    expect(toContentScriptSchema.parse({ type: 'toggle-pad' })).toEqual({ type: 'toggle-pad' });
  });

  it('refuses unknown kinds and malformed nonces', () => {
    expect(toContentScriptSchema.safeParse({ type: 'set-patient' }).success).toBe(false);
    expect(toContentScriptSchema.safeParse({ type: 'confirm-frame', nonce: 'short' }).success).toBe(false);
    expect(
      toContentScriptSchema.safeParse({ type: 'confirm-frame', nonce: '<script>alert(1)</script>xxxx' }).success,
    ).toBe(false);
  });
});

describe('the content script’s own parser', () => {
  it('agrees with the schema on every kind, good and bad', () => {
    const samples: unknown[] = [
      { type: 'which-patient' },
      { type: 'close-pad', extra: 'dropped' },
      { type: 'toggle-pad' },
      { type: 'confirm-frame', nonce: 'Q2hhbmdlIG1lIHBsZWFzZQ' },
      { type: 'confirm-frame', nonce: 'short' },
      { type: 'confirm-frame' },
      { type: 'patient-on-screen', context: null },
      { type: 'set-patient', nhsNumber: '9434765919' },
      'which-patient',
      null,
      undefined,
      42,
      [],
    ];
    for (const sample of samples) {
      const schema = toContentScriptSchema.safeParse(sample);
      expect(readToContentScript(sample)).toEqual(schema.success ? schema.data : undefined);
    }
  });
});

describe('patient-on-screen', () => {
  it('carries a context or null (no patient on screen)', () => {
    expect(patientOnScreenSchema.parse({ type: 'patient-on-screen', context: null }).context).toBeNull();
    const context = { recordKey: 'nhs:9434765919', adapterId: 'demo', fields: { family: 'SMITH' } };
    expect(patientOnScreenSchema.parse({ type: 'patient-on-screen', context }).context).toEqual(context);
  });
});

describe('sender checks', () => {
  const contentScript = { id: ID, url: 'http://127.0.0.1:5173/', tab: { id: 7 } };
  const pad = { id: ID, url: `chrome-extension://${ID}/pad.html#nonce`, tab: { id: 7 } };

  it('takes a patient only from our content script in the same tab', () => {
    expect(isFromContentScriptOfTab(contentScript, ID, 7)).toBe(true);
    expect(isFromContentScriptOfTab(contentScript, ID, 8)).toBe(false);
    expect(isFromContentScriptOfTab({ ...contentScript, id: 'another-extension' }, ID, 7)).toBe(false);
    expect(isFromContentScriptOfTab(pad, ID, 7)).toBe(false);
  });

  it('recognises the pad page by path, whatever its (dynamic) origin', () => {
    expect(isFromPad(pad, ID)).toBe(true);
    expect(isFromPad({ ...pad, url: 'chrome-extension://0f3a9c2e-dynamic/pad.html' }, ID)).toBe(true);
    expect(isFromPad({ ...pad, url: `chrome-extension://${ID}/options.html` }, ID)).toBe(false);
    expect(isFromPad({ ...pad, url: `chrome-extension://${ID}/sidepanel.html` }, ID)).toBe(true);
    expect(isFromPad(contentScript, ID)).toBe(false);
    expect(isFromPad({ ...pad, id: 'other' }, ID)).toBe(false);
    expect(isFromOurExtension(pad, ID)).toBe(true);
    expect(isFromOurExtension({}, ID)).toBe(false);
  });
});
