/**
 * Firefox's framed pad: its link to the content script of the page it is framed in, over the private MessagePort that
 * content script hands it (app/content/pad-channel.ts). Firefox gives a web-accessible extension page framed in a web
 * page only the APIs of a content script, so the runtime messages of ./pad-link.ts cannot reach that content script.
 *
 * The port is taken only from the parent window, in a message carrying this pad's own nonce (from its URL fragment),
 * and only when our content script has vouched for that nonce in the extension's storage, which no page can write: a
 * pad framed by the page itself (which then knows the nonce it chose) or by anything else never takes a port, and shows
 * nothing. Listening starts when this module loads, before the frame's load event, so the port the content script
 * posts then is not missed.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { type PatientContext, patientContextSchema } from '../../domain/adapters/patient-context';
import { PAD_CHANNEL, padFrameKey } from '../shared/messaging/pad-channel';
import type { PatientSource } from './patient-source';

const patientOnScreenSchema = z.object({
  type: z.literal('patient-on-screen'),
  context: z.nullable(patientContextSchema),
});

/** Whether this pad must use the port: framed, without the tabs API (Firefox). */
export const usesPageChannel = typeof browser.tabs === 'undefined' && window.parent !== window;

const offered: Promise<MessagePort> | undefined = usesPageChannel ? portFromOurContentScript() : undefined;

function portFromOurContentScript(): Promise<MessagePort> {
  const nonce = location.hash.replace(/^#/, '');
  return new Promise((resolve) => {
    if (!nonce) return;
    const key = padFrameKey(nonce);
    const take = async (event: MessageEvent) => {
      const data = event.data as { type?: unknown; nonce?: unknown } | null;
      const port = event.ports[0];
      if (event.source !== window.parent || data?.type !== PAD_CHANNEL || data.nonce !== nonce || !port) return;
      if ((await browser.storage.local.get(key))[key] !== true) return;
      removeEventListener('message', listen);
      await browser.storage.local.remove(key);
      resolve(port);
    };
    const listen = (event: MessageEvent) => void take(event);
    addEventListener('message', listen);
  });
}

/**
 * The patient source over the port: settles once the content script has told the patient on screen, and never for a
 * pad that no content script of ours framed (it shows nothing).
 */
export async function pageChannelPatientSource(): Promise<PatientSource | undefined> {
  if (!offered) return undefined;
  const port = await offered;
  let latest: PatientContext | null = null;
  const listeners = new Set<(context: PatientContext | null) => void>();
  const first = new Promise<void>((told) => {
    port.onmessage = (event) => {
      const parsed = patientOnScreenSchema.safeParse(event.data);
      if (!parsed.success) return;
      latest = parsed.data.context;
      for (const listener of listeners) listener(latest);
      told();
    };
  });
  await first;
  const send = (message: { type: 'close-pad' | 'toggle-pad' }) => port.postMessage(message);
  return {
    follow: (onRecord) => {
      onRecord(latest);
      listeners.add(onRecord);
      return () => listeners.delete(onRecord);
    },
    close: () => send({ type: 'close-pad' }),
    toggle: () => send({ type: 'toggle-pad' }),
  };
}
