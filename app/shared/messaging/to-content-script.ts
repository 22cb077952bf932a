import type { ToContentScript } from './messages';

const NONCE = /^[A-Za-z0-9_-]{22,64}$/;

/**
 * The content script's parser for what it receives: the same rules as `toContentScriptSchema`, checked by hand so that
 * the content script does not bundle zod (tests/messaging keep the two in step). Undefined for anything else.
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
