import { browser } from 'wxt/browser';
import { answerPadEnqueue } from '../../lib/pad/send-referral';

/** The pad's Send: the background writes the outbox for it and answers once the row is committed. */
export function listenForPadReferrals(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    answerPadEnqueue(message, sender, browser.runtime.id),
  );
}
