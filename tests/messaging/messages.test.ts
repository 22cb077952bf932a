import { describe, expect, it } from 'vitest';
import { type MessageType, PROTOCOL } from '../../app/shared/messaging/protocol';
import { answering } from '../../app/shared/messaging/receive';
import { isFromPad, type Sender, senderPasses } from '../../app/shared/messaging/sender';
import { CONTENT_SCRIPT_SENDERS, readToContentScript } from '../../app/shared/messaging/to-content-script';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const TO_CONTENT_SCRIPT = (Object.keys(PROTOCOL) as MessageType[]).filter(
  (type) => PROTOCOL[type].to === 'content-script',
);
/** What the content script receives, parsed with the protocol's schemas. */
function parseToContentScript(message: unknown) {
  for (const type of TO_CONTENT_SCRIPT) {
    const parsed = PROTOCOL[type].request.safeParse(message);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

describe('the protocol', () => {
  it('gives every message its receiver, its sender rule and a schema keyed by its own type', () => {
    for (const [type, definition] of Object.entries(PROTOCOL)) {
      expect(['background', 'content-script', 'pad']).toContain(definition.to);
      expect(['our-extension', 'extension-page', 'pad', 'content-script-of-tab']).toContain(definition.sender);
      expect(definition.request.safeParse({ type: 'not-this' }).success).toBe(false);
      expect(definition.request.safeParse({ type }).success || type !== 'outbox:drain').toBe(true);
    }
    expect(Object.keys(PROTOCOL)).toHaveLength(16);
  });

  it('takes from the pad how a check would end as counts only: nothing else rides along, and never a sent ending', () => {
    const check = {
      referralId: '0b8e2f4c-6a1d-4c3e-9f7a-2d5b8c1e0a93',
      odsCode: 'L81001',
      serviceId: 'kingsmead-connect',
      modelVersion: 3,
      ending: 'redirected',
      route: 'NHS 111, option 2',
    };
    const request = PROTOCOL['pad:check-ended'].request;
    expect(request.safeParse({ type: 'pad:check-ended', check }).success).toBe(true);
    expect(request.safeParse({ type: 'pad:check-ended', check: { ...check, nhsNumber: '9434765919' } }).success).toBe(
      false,
    );
    expect(request.safeParse({ type: 'pad:check-ended', check: { ...check, ending: 'sent-in-model' } }).success).toBe(
      false,
    );
  });

  it('asks the background only from our own pages: the pad for its outbox, any extension page to run it', () => {
    for (const [type, definition] of Object.entries(PROTOCOL)) {
      if (definition.to !== 'background' || type === 'adapters-in-force') continue;
      expect(definition.sender, type).toBe(type.startsWith('pad:') ? 'pad' : 'extension-page');
    }
    // The adapters in force are asked for by our content scripts too.
    expect(PROTOCOL['adapters-in-force'].sender).toBe('our-extension');
  });
});

describe('messages to the content script', () => {
  it('parses each kind the pad and the background send', () => {
    const nonce = 'Q2hhbmdlIG1lIHBsZWFzZQ';
    expect(parseToContentScript({ type: 'which-patient' })).toEqual({ type: 'which-patient' });
    expect(parseToContentScript({ type: 'confirm-frame', nonce })).toEqual({ type: 'confirm-frame', nonce });
    expect(parseToContentScript({ type: 'close-pad' })).toEqual({ type: 'close-pad' });
    expect(parseToContentScript({ type: 'toggle-pad' })).toEqual({ type: 'toggle-pad' });
  });

  it('refuses unknown kinds and malformed nonces', () => {
    expect(parseToContentScript({ type: 'set-patient' })).toBeUndefined();
    expect(parseToContentScript({ type: 'confirm-frame', nonce: 'short' })).toBeUndefined();
    expect(parseToContentScript({ type: 'confirm-frame', nonce: '<script>alert(1)</script>xxxx' })).toBeUndefined();
  });
});

describe('the content script’s own parser and sender rules (no zod in the content script)', () => {
  it('agrees with the protocol’s schemas on every kind, good and bad', () => {
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
    for (const sample of samples) expect(readToContentScript(sample)).toEqual(parseToContentScript(sample));
  });

  it('applies the protocol’s sender rule to each message', () => {
    expect(Object.keys(CONTENT_SCRIPT_SENDERS).sort()).toEqual([...TO_CONTENT_SCRIPT].sort());
    for (const type of TO_CONTENT_SCRIPT) {
      expect(CONTENT_SCRIPT_SENDERS[type as keyof typeof CONTENT_SCRIPT_SENDERS]).toBe(PROTOCOL[type].sender);
    }
  });
});

describe('patient-on-screen', () => {
  it('carries a context or null (no patient on screen)', () => {
    const schema = PROTOCOL['patient-on-screen'].request;
    expect(schema.parse({ type: 'patient-on-screen', context: null }).context).toBeNull();
    const context = { recordKey: 'nhs:9434765919', adapterId: 'demo', fields: { family: 'SMITH' } };
    expect(schema.parse({ type: 'patient-on-screen', context }).context).toEqual(context);
  });

  it('changes the pad only when from our content script in the pad’s own tab', async () => {
    const heard: unknown[] = [];
    const listener = answering<'pad'>({ 'patient-on-screen': ({ context }) => void heard.push(context) }, () => ({
      runtimeId: ID,
      tabId: 7,
    }));
    const message = { type: 'patient-on-screen', context: null };
    listener(message, { id: ID, url: 'http://127.0.0.1:5173/', tab: { id: 8 } });
    listener(message, { id: ID, url: `chrome-extension://${ID}/options.html`, tab: { id: 7 } });
    listener(
      { type: 'patient-on-screen', context: { recordKey: 'forged' } },
      { id: ID, url: 'http://a/', tab: { id: 7 } },
    );
    listener(message, { id: ID, url: 'http://127.0.0.1:5173/', tab: { id: 7 } });
    await expect.poll(() => heard).toEqual([null]);
  });
});

const isFromContentScriptOfTab = (sender: Sender, runtimeId: string, tabId: number) =>
  senderPasses('content-script-of-tab', sender, { runtimeId, tabId });
const isFromOurExtension = (sender: Sender, runtimeId: string) => senderPasses('our-extension', sender, { runtimeId });

describe('sender checks', () => {
  const contentScript = { id: ID, url: 'http://127.0.0.1:5173/', tab: { id: 7 } };
  const pad = { id: ID, url: `chrome-extension://${ID}/pad.html#nonce`, tab: { id: 7 } };

  it('takes a patient only from our content script in the same tab', () => {
    expect(isFromContentScriptOfTab(contentScript, ID, 7)).toBe(true);
    expect(isFromContentScriptOfTab(contentScript, ID, 8)).toBe(false);
    expect(isFromContentScriptOfTab({ ...contentScript, id: 'another-extension' }, ID, 7)).toBe(false);
    expect(isFromContentScriptOfTab(pad, ID, 7)).toBe(false);
    expect(senderPasses('content-script-of-tab', contentScript, { runtimeId: ID })).toBe(false);
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

  it('takes an extension page’s ask from our pages only, never a content script', () => {
    const options = { id: ID, url: `chrome-extension://${ID}/options.html` };
    expect(senderPasses('extension-page', options, { runtimeId: ID })).toBe(true);
    expect(senderPasses('extension-page', pad, { runtimeId: ID })).toBe(true);
    expect(senderPasses('extension-page', contentScript, { runtimeId: ID })).toBe(false);
    expect(senderPasses('extension-page', { ...options, id: 'other' }, { runtimeId: ID })).toBe(false);
  });
});
