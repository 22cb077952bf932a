import type { Answer, Asked, Message, MessageTo } from './protocol';
import type { SenderRule } from './sender';

/** What the content script receives (from the pad, or the background's shortcut). */
export type ToContentScript = Message<MessageTo<'content-script'>>;

const NONCE = /^[A-Za-z0-9_-]{22,64}$/;

/**
 * The content script's parser for what it receives: the same rules as the protocol's schemas (./protocol.ts), checked
 * by hand so that the content script does not bundle zod (tests/messaging keep the two in step). Undefined for anything
 * else.
 */
export function readToContentScript(message: unknown): ToContentScript | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, nonce } = message as { type?: unknown; nonce?: unknown };
  switch (type) {
    case 'which-patient':
    case 'close-pad':
    case 'toggle-pad':
      return { type };
    case 'confirm-frame':
      return typeof nonce === 'string' && NONCE.test(nonce) ? { type, nonce } : undefined;
    default:
      return undefined;
  }
}

/**
 * Each message's sender rule, as in the protocol's table (tests/messaging keep the two in step): only the two rules the
 * content script checks (app/content/content-script.ts).
 */
export const CONTENT_SCRIPT_SENDERS = {
  'which-patient': 'pad',
  'confirm-frame': 'pad',
  'close-pad': 'pad',
  'toggle-pad': 'our-extension',
} as const satisfies Record<MessageTo<'content-script'>, Extract<SenderRule, 'pad' | 'our-extension'>>;

/** The content script's answers: a handler for each message, given whether the sender was our pad. */
export type ContentScriptHandlers = {
  [T in MessageTo<'content-script'>]: (
    message: Extract<ToContentScript, { type: T }>,
    fromPad: boolean,
  ) => T extends Asked ? Answer<T> : unknown;
};
