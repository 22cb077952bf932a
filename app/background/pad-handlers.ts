import { browser } from 'wxt/browser';
import { answerPad } from '../pad/outbox-link';

/**
 * The pad's outbox work, done here for it (app/pad/outbox-link.ts): Send, answered once the row is committed; whether
 * the outbox can store referrals at all; the Sent referrals lists; Send again.
 */
export function listenForPad(drain: () => void): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    answerPad(message, sender, browser.runtime.id, { drain }),
  );
}
