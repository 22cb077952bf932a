import { browser } from 'wxt/browser';
import { definitionOf, type Message, type MessageTo, type Receiver, type Reply, typeOf } from './protocol';
import { REFUSED, type Receiving, type Sender, senderPasses } from './sender';

/** One receiver's answers: a handler for each message it is sent (./protocol.ts says which). */
export type Handlers<R extends Receiver> = {
  [T in MessageTo<R>]: (message: Message<T>, sender: Sender) => Reply<T> | Promise<Reply<T>>;
};

/**
 * The `runtime.onMessage` listener for a receiver's handlers: a message of ours with a handler here is checked against
 * its sender rule, parsed with its schema and answered; any other message is left to other listeners (undefined).
 * A refused sender or a request that does not parse gets the message's refusal, where it has a reply.
 */
export function answering<R extends Receiver>(
  handlers: Partial<Handlers<R>>,
  receiving: () => Receiving,
): (message: unknown, sender: Sender) => Promise<unknown> | undefined {
  return (message, sender) => {
    const type = typeOf(message);
    if (type === undefined || !Object.hasOwn(handlers, type)) return undefined;
    const definition = definitionOf(type);
    const refuse = (why: string) => (definition.refuse ? Promise.resolve(definition.refuse(why)) : undefined);
    if (!senderPasses(definition.sender, sender, receiving())) return refuse(REFUSED[definition.sender]);
    const request = definition.request.safeParse(message);
    if (!request.success) {
      const where = request.error.issues.map((issue) => issue.path.join('.')).join(', ');
      return refuse(`the message did not parse (${where})`);
    }
    const handler = handlers[type as MessageTo<R>] as (message: unknown, sender: Sender) => unknown;
    const answer = Promise.resolve()
      .then(() => handler(request.data, sender))
      .catch((error: unknown) => {
        if (definition.refuse) return definition.refuse((error as Error).message);
        console.error(`Handling ${type} failed.`, error);
        return undefined;
      });
    return definition.reply ? answer : undefined;
  };
}

/** Registers a receiver's handlers with the browser; returns a stop function. */
export function receive<R extends Receiver>(
  handlers: Partial<Handlers<R>>,
  receiving: Partial<Receiving> = {},
): () => void {
  const listener = answering(handlers, () => ({ runtimeId: browser.runtime.id, ...receiving }));
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
