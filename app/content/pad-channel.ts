/**
 * Firefox's way to the framed pad. Firefox gives a web-accessible extension page framed in a web page only the APIs of a
 * content script (no `tabs`, so it cannot reach this content script with `tabs.sendMessage`), and this content script's
 * `runtime.sendMessage` does not reach it either. So the host hands the pad a private MessagePort, posted straight to
 * the pad's window together with the frame's nonce, once the frame has loaded; the page never holds the port.
 *
 * The nonce alone would not do: a page that framed the pad itself knows the nonce it put in the URL. So before posting,
 * this content script writes the nonce into the extension's storage, which no page can write, and the pad takes the
 * port only when its own nonce is there (app/pad/page-channel.ts), then removes it.
 *
 * Over the port, in order: `patient-on-screen` to the pad (the patient now, then at every change); `close-pad` and
 * `toggle-pad` from it.
 */
import { browser } from 'wxt/browser';
import type { PatientContext } from '../../domain/adapters/patient-context';
import { PAD_CHANNEL, padFrameKey } from '../shared/messaging/pad-channel';
import { readToContentScript } from '../shared/messaging/to-content-script';

export type PadChannels = {
  /** Hands a new port to a pad frame that has just loaded (a reload gets a new one; the old port is closed). */
  offer(frame: Window, nonce: string, padOrigin: string): void;
  /** Tells the pad the patient on screen. */
  tell(context: PatientContext | null): void;
};

export function padChannels(handlers: {
  patientNow: () => PatientContext | null;
  close: () => void;
  toggle: () => void;
}): PadChannels {
  let port: MessagePort | undefined;
  const tell = (context: PatientContext | null) => {
    const message = { type: 'patient-on-screen', context };
    port?.postMessage(message);
  };
  return {
    offer(frame, nonce, padOrigin) {
      port?.close();
      const channel = new MessageChannel();
      port = channel.port1;
      port.onmessage = (event) => {
        const message = readToContentScript(event.data);
        if (message?.type === 'close-pad') handlers.close();
        else if (message?.type === 'toggle-pad') handlers.toggle();
      };
      const offered = port;
      void browser.storage.local.set({ [padFrameKey(nonce)]: true }).then(() => {
        if (port !== offered) return;
        frame.postMessage({ type: PAD_CHANNEL, nonce }, padOrigin, [channel.port2]);
        tell(handlers.patientNow());
      });
    },
    tell,
  };
}
