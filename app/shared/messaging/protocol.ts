/**
 * Every runtime message of the extension, in one table: its schema, its reply's schema, who sends it, who answers, and
 * the sender rule the receiver applies (./sender.ts). Callers send with `ask`/`tell` (./ask.ts); each receiver answers
 * with one handler map (`receive`, ./receive.ts): the background (app/background/answers.ts), the pad (app/pad/) and the
 * content script, which checks its four messages by hand so that it does not bundle zod (./to-content-script.ts,
 * kept in step with this table by tests/messaging).
 *
 * The frame handshake: the content script frames `pad.html#<nonce>` (a fresh random nonce, known only to it; the iframe
 * lives in a closed shadow root, so the host page cannot read its URL). Before showing anything the pad sends
 * `confirm-frame` with the nonce from its own URL to the content script of its tab; a pad that is not confirmed — framed
 * by the host page itself, by another site, or with a forged nonce — shows nothing. Window messages (`postMessage`) and
 * DOM events are never used: the host page could forge them.
 *
 * The pad framed in a practice system's page is a third-party frame: the browser partitions or refuses its IndexedDB
 * there, so the one outbox (the background's, in the extension's own storage) is read and written by the background for
 * it (`pad:*`); the background tells open pages when the outbox changed (`outbox:changed`) and drains by itself after
 * an enqueue or a Send again. Our pages may also ask it to drain, refresh the link workers' statuses, or send now that
 * the network is back (`outbox:*`), or fetch the practice's directory of services now (`directory:refresh`; the
 * background keeps it in storage, `directory`, where pages read and watch it).
 */
import { z } from 'zod';
import { adapterSchema } from '../../../domain/adapters/adapter';
import { patientContextSchema } from '../../../domain/adapters/patient-context';
import { routeNameSchema } from '../../../domain/evaluation/counts';
import { type OutboxRow, outboxRowSchema } from '../../../domain/outbox/row';
import { odsCodeSchema } from '../../../domain/referral/referral';
import { serviceIdSchema } from '../../../domain/service/service-id';
import type { SenderRule } from './sender';

/** The contexts that receive messages. */
export type Receiver = 'background' | 'content-script' | 'pad';

type Definition = {
  /** Who sends it (words, for the reader). */
  from: string;
  to: Receiver;
  sender: SenderRule;
  request: z.ZodType<{ type: string }>;
  /** Absent: the message is told, never answered. */
  reply?: z.ZodType;
  /** The reply to a refused sender or a request that does not parse (else such a message gets no answer). */
  refuse?: (why: string) => unknown;
};

/** A frame nonce: 128 random bits, base64url. */
export const nonceSchema = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);

const sentQuerySchema = z.object({
  /** This patient's referrals only. */
  nhsNumber: z.string().optional(),
  /** Created at or after this time (epoch ms). */
  since: z.number().optional(),
});
export type SentQuery = z.output<typeof sentQuerySchema>;

const failed = (message: string) => ({ ok: false as const, message });
const failure = z.object({ ok: z.literal(false), message: z.string() });

/** Each row parsed on its own: one this code cannot read is reported and left out, the others still shown. */
const outboxRowsSchema = z.array(z.unknown()).transform((rows) =>
  rows.flatMap((row): OutboxRow[] => {
    const parsed = outboxRowSchema.safeParse(row);
    if (!parsed.success) console.warn('An outbox row from the background did not parse.');
    return parsed.success ? [parsed.data] : [];
  }),
);

/**
 * How a check not sent would end, as the pad tells the background (domain/evaluation/check-ending.ts): counts only,
 * strict — the referral's id keys the check in this browser and never leaves it. A sent ending is written by the
 * background itself, with the referral's outbox row.
 */
const checkNotSentSchema = z.strictObject({
  referralId: z.uuid(),
  odsCode: odsCodeSchema,
  serviceId: serviceIdSchema.nullable(),
  modelVersion: z.number().int().positive().nullable(),
  ending: z.enum(['redirected', 'abandoned']),
  route: routeNameSchema.nullable(),
});

const message = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape });

export const PROTOCOL = {
  'patient-on-screen': {
    from: 'the content script, whenever the patient on screen changes',
    to: 'pad',
    sender: 'content-script-of-tab',
    request: message('patient-on-screen', { context: z.nullable(patientContextSchema) }),
  },
  'which-patient': {
    from: 'the pad, to the content script of its tab',
    to: 'content-script',
    sender: 'pad',
    request: message('which-patient', {}),
    reply: z.nullable(patientContextSchema),
  },
  'confirm-frame': {
    from: 'the pad, to the content script of its tab (the frame handshake)',
    to: 'content-script',
    sender: 'pad',
    request: message('confirm-frame', { nonce: nonceSchema }),
    reply: z.object({ confirmed: z.boolean() }),
    refuse: () => ({ confirmed: false }),
  },
  'close-pad': {
    from: 'the pad (Escape), to the content script of its tab',
    to: 'content-script',
    sender: 'pad',
    request: message('close-pad', {}),
  },
  'toggle-pad': {
    from: 'the background (the shortcut, commands API) or the pad (the shortcut pressed inside it)',
    to: 'content-script',
    sender: 'our-extension',
    request: message('toggle-pad', {}),
  },
  'adapters-in-force': {
    from: 'the content script as it starts: the policy’s adapters, or else the champion’s (parsed by the background)',
    to: 'background',
    sender: 'our-extension',
    request: message('adapters-in-force', {}),
    reply: z.array(adapterSchema),
  },
  'pad:enqueue': {
    from: 'the pad (Send): answered once the row is committed',
    to: 'background',
    sender: 'pad',
    request: message('pad:enqueue', { referral: z.unknown() }),
    reply: z.union([z.object({ ok: z.literal(true) }), failure]),
    refuse: failed,
  },
  'pad:outbox-state': {
    from: 'the pad, as it opens: whether the background can open the outbox',
    to: 'background',
    sender: 'pad',
    request: message('pad:outbox-state', {}),
    reply: z.object({ available: z.boolean() }),
    refuse: () => ({ available: false }),
  },
  'pad:sent-referrals': {
    from: 'the pad: its Sent referrals lists, newest first',
    to: 'background',
    sender: 'pad',
    request: message('pad:sent-referrals', { query: sentQuerySchema }),
    reply: z.union([z.object({ ok: z.literal(true), rows: outboxRowsSchema }), failure]),
    refuse: failed,
  },
  'pad:send-again': {
    from: 'the pad: Send again, for a referral that needs attention',
    to: 'background',
    sender: 'pad',
    request: message('pad:send-again', { id: z.uuid() }),
    reply: z.union([z.object({ ok: z.literal(true), resent: z.boolean() }), failure]),
    refuse: failed,
  },
  'pad:check-ended': {
    from: 'the pad, whenever how the check in front of it would end changes (redirected or abandoned; never sent)',
    to: 'background',
    sender: 'pad',
    request: message('pad:check-ended', { check: checkNotSentSchema }),
  },
  'outbox:changed': {
    from: 'the background, after every outbox run: open pads read their lists again',
    to: 'pad',
    sender: 'our-extension',
    request: message('outbox:changed', {}),
  },
  'outbox:drain': {
    from: 'our extension pages: send what is due now',
    to: 'background',
    sender: 'extension-page',
    request: message('outbox:drain', {}),
  },
  'outbox:refresh': {
    from: 'the pad while it shows Sent referrals: ask the queue for the link workers’ statuses now',
    to: 'background',
    sender: 'extension-page',
    request: message('outbox:refresh', {}),
  },
  'outbox:online': {
    from: 'our extension pages, seeing the network come back (service workers are not told): send what waits now',
    to: 'background',
    sender: 'extension-page',
    request: message('outbox:online', {}),
  },
  'directory:refresh': {
    from: 'the options page or the pad: fetch the practice’s directory of services from the queue now',
    to: 'background',
    sender: 'extension-page',
    request: message('directory:refresh', {}),
    reply: z.union([z.object({ ok: z.literal(true) }), failure]),
    refuse: failed,
  },
} as const satisfies Record<string, Definition>;

type Protocol = typeof PROTOCOL;
export type MessageType = keyof Protocol;
/** The messages a receiver answers. */
export type MessageTo<R extends Receiver> = {
  [T in MessageType]: Protocol[T]['to'] extends R ? T : never;
}[MessageType];
/** Messages with a reply (sent with `ask`) and without (sent with `tell`). */
export type Asked = { [T in MessageType]: Protocol[T] extends { reply: z.ZodType } ? T : never }[MessageType];
export type Told = Exclude<MessageType, Asked>;

/** A message as parsed by its receiver. */
export type Message<T extends MessageType> = z.output<Protocol[T]['request']>;
/** What the sender gives besides the type. */
export type Payload<T extends MessageType> = Omit<z.input<Protocol[T]['request']>, 'type'>;
/** What a handler answers (anything, ignored, for a message that is told). */
export type Reply<T extends MessageType> = Protocol[T] extends { reply: infer S extends z.ZodType }
  ? z.input<S>
  : unknown;
/** What the asker gets once the reply is parsed. */
export type Answer<T extends MessageType> = Protocol[T] extends { reply: infer S extends z.ZodType }
  ? z.output<S>
  : undefined;

export function definitionOf(type: MessageType): Definition {
  return PROTOCOL[type];
}

/** The type of a message, when it is one of ours. */
export function typeOf(message: unknown): MessageType | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type } = message as { type?: unknown };
  return typeof type === 'string' && Object.hasOwn(PROTOCOL, type) ? (type as MessageType) : undefined;
}

/** The commands API name of the shortcut that opens and closes the pad (manifest `commands`). */
export const TOGGLE_PAD_COMMAND = 'toggle-pad';
