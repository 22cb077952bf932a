import { BUILT_IN_ADAPTERS } from '../../domain/adapters/built-in';
import { adapterFor } from '../../domain/adapters/match-pattern';
import { referralSchema } from '../../domain/referral/referral';
import { type Handlers, receive } from '../shared/messaging/receive';
import { loadSettings } from '../shared/storage/settings';
import { type RefreshResult, refreshDirectory } from './directory/refresh-directory';
import { countsState, recordCheck } from './outbox/counts';
import { type OutboxDb, outbox } from './outbox/db';
import { enqueueReferral, outboxAvailable } from './outbox/enqueue';
import { resendReferral, sentReferrals } from './outbox/queries';
import type { RunOptions } from './outbox/run';
import { readShareCounts } from './share-counts';

export type AnswerDeps = {
  db?: OutboxDb;
  /** Starts an outbox run here (a message the background sends reaches its pages, never itself). */
  run: (options?: Partial<RunOptions>) => void;
  /** Fetches the practice's directory now (app/background/directory/start-directory.ts shares one run at a time). */
  refresh?: () => Promise<RefreshResult>;
  /** Whether the practice shares counts (app/background/share-counts.ts); read from storage each time unless given. */
  shareCounts?: () => Promise<boolean>;
};

const refreshNow = () => refreshDirectory({ fetch: (...args) => fetch(...args), now: Date.now });

/**
 * Everything the background answers (app/shared/messaging/protocol.ts has each message's sender rule, checked before
 * these run): the adapter for a content script's page (policy and stored values parsed here and matched against the
 * sender's URL, so the content script carries no parser, no built-in adapters and no match patterns); the pad's outbox
 * work — Send, answered once the row is committed; whether the outbox can store referrals at all; the Sent referrals
 * lists; Send again — and our pages' asks to drain, refresh or send now the network is back.
 * A referral enqueued or sent again is drained at once. Our pages may ask for the practice's directory to be fetched now.
 */
export function backgroundHandlers({
  db = outbox(),
  run,
  refresh = refreshNow,
  shareCounts = readShareCounts,
}: AnswerDeps): Handlers<'background'> {
  const failed = (error: unknown) => ({ ok: false as const, message: (error as Error).message });
  return {
    // The policy's adapters, or else the champion's, before the built-in ones (the generic one matches any page).
    'adapter-for-page': async (_, sender) =>
      adapterFor([...(await loadSettings()).adapters, ...BUILT_IN_ADAPTERS], sender.url ?? '') ?? null,
    'pad:enqueue': async ({ referral }) => {
      // Parsed here, at the outbox's boundary, to say where a referral is wrong.
      const parsed = referralSchema.safeParse(referral);
      if (!parsed.success) {
        const where = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
        return { ok: false, message: `the referral did not parse (${where})` };
      }
      try {
        await enqueueReferral(parsed.data, { db, countCheck: await shareCounts() });
      } catch (error) {
        return failed(error);
      }
      run();
      return { ok: true };
    },
    'pad:check-ended': async ({ check }) => {
      if (!(await shareCounts())) return;
      await recordCheck(db, check, Date.now()).catch((error) => console.warn('A check was not counted.', error));
    },
    'pad:outbox-state': async () => ({ available: await outboxAvailable(db) }),
    'pad:sent-referrals': ({ query }) => sentReferrals(query, db).then((rows) => ({ ok: true as const, rows }), failed),
    'pad:send-again': ({ id }) =>
      resendReferral(id, db).then((resent) => {
        if (resent) run();
        return { ok: true as const, resent };
      }, failed),
    'outbox:drain': () => run(),
    'outbox:refresh': () => run({ refresh: true }),
    'outbox:online': () => run({ online: true }),
    'counts:state': () => countsState(db).then((state) => ({ ok: true as const, ...state }), failed),
    'directory:refresh': () => refresh().catch((error) => failed(error)),
  };
}

/** Registers the background's answers (synchronously, at start-up, as MV3 requires). */
export function answerMessages(deps: AnswerDeps): void {
  receive<'background'>(backgroundHandlers(deps));
}
