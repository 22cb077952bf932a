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

/**
 * Tells every frame of every tab, best effort: Firefox's framed pad has only a content script's reach (A5) and hears the
 * background only through its tab, never through `runtime.sendMessage` (OPEN-6). Content scripts ignore what they
 * have no handler for; no web page can hear it.
 */
export async function tellEveryTab<T extends Told>(type: T, payload: Payload<T>): Promise<void> {
  const tabs = ((await quietly(() => browser.tabs.query({}))) ?? []) as { id?: number }[];
  await Promise.all(
    tabs.flatMap((tab) =>
      tab.id === undefined ? [] : [quietly(() => browser.tabs.sendMessage(tab.id as number, { ...payload, type }))],
    ),
  );
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
