import { browser } from 'wxt/browser';
import { type Answer, type Asked, definitionOf, type Payload, type Told } from './protocol';

/**
 * Asks the extension (the background answers `pad:*`) and parses the reply with its schema from ./protocol.ts.
 * Undefined when nothing answered in a form we know.
 */
export async function ask<T extends Asked>(type: T, payload: Payload<T>): Promise<Answer<T> | undefined> {
  return parseReply(type, await quietly(() => browser.runtime.sendMessage({ ...payload, type })));
}

/** Asks the content script in a tab's top frame (only it runs ours); undefined from a tab without it, or one gone. */
export async function askTab<T extends Asked>(
  tabId: number,
  type: T,
  payload: Payload<T>,
): Promise<Answer<T> | undefined> {
  return parseReply(type, await quietly(() => browser.tabs.sendMessage(tabId, { ...payload, type }, { frameId: 0 })));
}

/** Tells our other contexts, best effort: nobody listening (no pad open, no background yet) is no error. */
export function tell<T extends Told>(type: T, payload: Payload<T>): void {
  void quietly(() => browser.runtime.sendMessage({ ...payload, type }));
}

/** Tells the content script in a tab's top frame, best effort. */
export async function tellTab<T extends Told>(tabId: number, type: T, payload: Payload<T>): Promise<void> {
  await quietly(() => browser.tabs.sendMessage(tabId, { ...payload, type }, { frameId: 0 }));
}

function parseReply<T extends Asked>(type: T, reply: unknown): Answer<T> | undefined {
  const parsed = definitionOf(type).reply?.safeParse(reply);
  return parsed?.success ? (parsed.data as Answer<T>) : undefined;
}

async function quietly(send: () => Promise<unknown>): Promise<unknown> {
  try {
    return await send();
  } catch {
    return undefined;
  }
}
