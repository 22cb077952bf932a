import type { PatientContext } from '../adapters/patient-context';
import { NO_RECORD, ownerKey, type SavedDraft } from '../drafts/saved-draft';
import type { ServiceModel } from '../model/model';
import { emptyDraft, type ReferralDraft } from '../referral/draft';
import type { Referral } from '../referral/referral';
import { checkPatientOnScreen } from './patient-guard';
import { applyRecord } from './record-fields';
import type { SendProblem } from './referral-from-draft';
import { isUntouched } from './untouched';

/**
 * The pad's session as a pure state machine: `step(session, event)` gives the next session and the effects to run
 * (read, store or remove a draft, send, remember the referrer). The effects run outside (app/pad/) and come back as
 * events, in any order: every race between the banner, draft reads and typing is decided here, on data alone.
 */

export type Change = (draft: ReferralDraft) => ReferralDraft;
export type StoreOp = { put: SavedDraft } | { remove: string };
export type Sent = { referral: Referral; model: ServiceModel };
/** A stored draft as read back; an unreadable one was set aside under `keptAs`. */
export type ReadDraft =
  | { status: 'none' }
  | { status: 'found'; saved: SavedDraft }
  | { status: 'unreadable'; keptAs: string };

export type Session = {
  /** The patient on screen: undefined until first heard, null when nothing readable is shown. */
  record: PatientContext | null | undefined;
  /** The draft in front of the referrer and whose it is; undefined until one is read. */
  open: SavedDraft | undefined;
  phase: 'editing' | 'sending' | 'sent';
  sent: Sent | undefined;
  problems: SendProblem[];
  /** Said when a stored draft could not be read and was set aside. */
  notice: string | undefined;
  /**
   * The draft to put in front once read: asked of storage only once what was typed into it is stored, and taken only
   * from the read asked for it (`asked`: its number), never from an earlier read of the same draft still on its way.
   */
  reading: { key: string; target: PatientContext | null; asked: number | undefined } | undefined;
  /** How many draft reads this session has asked for (each read's number). */
  reads: number;
  /** Edits to the no-record draft (the pad opened before the banner was read), made again on the first patient's. */
  unclaimed: Change[];
  /** Whether the no-record draft in front was begun in this pad, so it may go once carried to the patient. */
  noRecordBegunHere: boolean;
  /** The referrer chose to keep this draft while another patient is on screen (it stays read-only). */
  kept: boolean;
  /** Draft writes and removals, one at a time; a newer one for the same draft replaces one not yet begun. */
  store: { busy: StoreOp | undefined; queued: StoreOp[] };
  /** The referral being handed to the outbox, once what was typed is stored. */
  sending: (Sent & { key: string; asked: boolean }) | undefined;
  draftStatus: 'saving' | 'saved' | undefined;
  saveFailed: boolean;
};

export type SessionEvent =
  | { type: 'record-changed'; record: PatientContext | null }
  | {
      type: 'draft-read';
      key: string;
      /** The read's number, as asked. */
      read: number;
      loaded: ReadDraft;
      referrer: ReferralDraft['referrer'];
      /** The id and start time a new draft takes (chosen outside, so this stays pure). */
      fresh: { referralId: string; startedAt: string };
    }
  | { type: 'edit'; change: Change }
  | { type: 'stored'; ok: boolean }
  | { type: 'send'; made: ({ ok: true } & Sent) | { ok: false; problems: SendProblem[] } }
  | { type: 'outbox-answered'; ok: true }
  | { type: 'outbox-answered'; ok: false; message: string }
  | { type: 'open-on-screen' }
  | { type: 'keep-draft' }
  | { type: 'start-again' };

export type Effect =
  | { do: 'read'; key: string; read: number }
  | { do: 'store'; op: StoreOp }
  | { do: 'send'; referral: Referral; key: string }
  | { do: 'remember-referrer'; referrer: ReferralDraft['referrer'] }
  | { do: 'check-outbox' };

export function startSession(): Session {
  return {
    record: undefined,
    open: undefined,
    phase: 'editing',
    sent: undefined,
    problems: [],
    notice: undefined,
    reading: undefined,
    reads: 0,
    unclaimed: [],
    noRecordBegunHere: false,
    kept: false,
    store: { busy: undefined, queued: [] },
    sending: undefined,
    draftStatus: undefined,
    saveFailed: false,
  };
}

/**
 * Whether the record on screen is another patient than the draft's: the draft is then read-only and cannot be sent
 * until the referrer opens the on-screen patient's draft or goes back to this patient's record.
 */
export function isGuarded({ open, record }: Pick<Session, 'open' | 'record'>): boolean {
  if (!open || !record) return false;
  return checkPatientOnScreen(open.recordKey, open.draft.patient, record).kind === 'different';
}

/** Whether the referrer typed who the patient is (then the draft is theirs, not the next record's to take). */
function namesPatient(draft: ReferralDraft): boolean {
  const { patient } = draft;
  return [patient.nhsNumber, patient.given, patient.family, patient.dateOfBirth].some((value) => value?.trim());
}

/** Whether edits to this draft are to be carried to the patient `target` when their draft is read. */
function carriesTo(open: SavedDraft | undefined, target: PatientContext | null): boolean {
  return target !== null && open?.recordKey === NO_RECORD && !namesPatient(open.draft);
}

const opKey = (op: StoreOp) => ('put' in op ? op.put.recordKey : op.remove);

function storing({ busy, queued }: Session['store'], key: string): boolean {
  return (busy !== undefined && opKey(busy) === key) || queued.some((op) => opKey(op) === key);
}

function enqueue(store: Session['store'], op: StoreOp): Session['store'] {
  return { ...store, queued: [...store.queued.filter((queued) => opKey(queued) !== opKey(op)), op] };
}

function readFor(session: Session, target: PatientContext | null): Session {
  const key = ownerKey(target ?? undefined);
  return { ...session, reading: { key, target, asked: undefined } };
}

/** The session after `event`, and the effects to run for it (each reports back as an event). */
export function step(session: Session, event: SessionEvent): { session: Session; effects: Effect[] } {
  const effects: Effect[] = [];
  const next = apply(session, event, effects);
  return { session: proceed(next, effects), effects };
}

function apply(session: Session, event: SessionEvent, effects: Effect[]): Session {
  switch (event.type) {
    case 'record-changed':
      return recordChanged(session, event.record);
    case 'draft-read':
      return draftRead(session, event);
    case 'edit':
      return edit(session, event.change, effects);
    case 'stored': {
      const store = { ...session.store, busy: undefined };
      const idle = store.queued.length === 0;
      return { ...session, store, saveFailed: !event.ok, draftStatus: idle ? 'saved' : session.draftStatus };
    }
    case 'send':
      return send(session, event.made);
    case 'outbox-answered':
      if (!session.sending) return session;
      if (event.ok) {
        const { referral, model, key } = session.sending;
        // The outbox has it: "Saved" is shown now, and the sent draft removed after (a read of this record's next
        // draft waits for the removal, through the store queue).
        const store = enqueue(session.store, { remove: key });
        return { ...session, phase: 'sent', sent: { referral, model }, sending: undefined, unclaimed: [], store };
      }
      effects.push({ do: 'check-outbox' });
      return {
        ...session,
        phase: 'editing',
        sending: undefined,
        problems: [{ field: 'send', message: `The referral was not saved: ${event.message}. Your draft is kept.` }],
      };
    case 'open-on-screen':
      if (!session.record || !isGuarded(session) || session.phase === 'sending') return session;
      return readFor(session, session.record);
    case 'keep-draft':
      return isGuarded(session) ? { ...session, kept: true } : session;
    case 'start-again':
      return session.phase === 'sent' ? readFor(session, session.record ?? null) : session;
  }
}

/** Starts what can start: the next store operation, then a read or a send whose draft has nothing left to store. */
function proceed(session: Session, effects: Effect[]): Session {
  let next = session;
  const [op, ...rest] = next.store.queued;
  if (!next.store.busy && op) {
    next = { ...next, store: { busy: op, queued: rest }, draftStatus: 'saving' };
    effects.push({ do: 'store', op });
  }
  const { reading, sending } = next;
  if (reading && reading.asked === undefined && !storing(next.store, reading.key)) {
    const read = next.reads + 1;
    next = { ...next, reads: read, reading: { ...reading, asked: read } };
    effects.push({ do: 'read', key: reading.key, read });
  }
  if (sending && !sending.asked && !storing(next.store, sending.key)) {
    next = { ...next, sending: { ...sending, asked: true } };
    effects.push({ do: 'send', referral: sending.referral, key: sending.key });
  }
  return next;
}

/** The record on screen changed: follow it with an untouched draft; guard a draft with work in it. */
function recordChanged(session: Session, record: PatientContext | null): Session {
  const next = { ...session, record };
  const { open } = next;
  // While a draft goes to the outbox nothing is read: the record on screen then is followed once it has gone.
  if (next.phase === 'sending') return { ...next, reading: undefined };
  if (!open) return readFor(next, record);
  if (open.recordKey === ownerKey(record ?? undefined)) {
    // This record's own draft is in front: nothing to read, and a read begun for another record no longer applies.
    const draft = record ? applyRecord(open.draft, record) : open.draft;
    return { ...next, open: { ...open, draft }, reading: undefined, kept: false };
  }
  const claimable = carriesTo(open, record) && next.unclaimed.length > 0;
  if (next.phase === 'sent' || isUntouched(open.draft) || claimable) return readFor(next, record);
  return { ...next, reading: undefined };
}

function draftRead(session: Session, event: Extract<SessionEvent, { type: 'draft-read' }>): Session {
  const { reading, open } = session;
  // Only the read asked for the draft to open now is applied: never one for a record since left, nor an earlier read
  // of the same draft (it may have been asked before what was typed into it was stored).
  if (reading?.asked !== event.read || reading.key !== event.key || session.phase === 'sending') return session;
  const { loaded } = event;
  const carried = carriesTo(open, reading.target) ? session.unclaimed : [];
  const base: SavedDraft =
    loaded.status === 'found'
      ? loaded.saved
      : { recordKey: reading.key, ...event.fresh, draft: { ...emptyDraft(), referrer: event.referrer } };
  const filled = reading.target ? applyRecord(base.draft, reading.target) : base.draft;
  const opened = { ...base, draft: carried.reduce((draft, change) => change(draft), filled) };
  let { store } = session;
  if (carried.length) store = enqueue(store, { put: opened });
  // Begun here and now carried to the patient: left stored, it would open pre-filled in a later consultation.
  if (carried.length && session.noRecordBegunHere) store = enqueue(store, { remove: NO_RECORD });
  return {
    ...session,
    open: opened,
    reading: undefined,
    unclaimed: [],
    noRecordBegunHere: reading.key === NO_RECORD && loaded.status !== 'found',
    kept: false,
    store,
    phase: 'editing',
    sent: undefined,
    problems: [],
    draftStatus: loaded.status === 'found' ? 'saved' : carried.length ? session.draftStatus : undefined,
    notice:
      loaded.status === 'unreadable'
        ? `A saved draft for this patient could not be read. It has been kept aside (${loaded.keptAs}); ask your practice champion to recover it.`
        : session.notice,
  };
}

/** Every edit goes through here: made on the draft in front, and stored. None while another patient is on screen. */
function edit(session: Session, change: Change, effects: Effect[]): Session {
  const { open, reading } = session;
  if (!open || session.phase !== 'editing' || isGuarded(session)) return session;
  const next = { ...open, draft: change(open.draft) };
  if (next.draft.referrer !== open.draft.referrer)
    effects.push({ do: 'remember-referrer', referrer: next.draft.referrer });
  const carrying = open.recordKey === NO_RECORD;
  // The draft typed in stays in front: a read begun while it was untouched no longer applies, unless what is typed
  // into the no-record draft is to be carried to the patient being read.
  const stillReading = reading && carriesTo(next, reading.target) ? reading : undefined;
  return {
    ...session,
    open: next,
    problems: [],
    store: enqueue(session.store, { put: next }),
    unclaimed: carrying ? [...session.unclaimed, change] : session.unclaimed,
    reading: stillReading,
  };
}

function send(session: Session, made: Extract<SessionEvent, { type: 'send' }>['made']): Session {
  const { open } = session;
  if (!open || session.phase !== 'editing' || isGuarded(session)) return session;
  if (!made.ok) return { ...session, problems: made.problems };
  const { referral, model } = made;
  // Nothing is read into the pad while its draft goes to the outbox: what is on screen then is followed after.
  const sending = { referral, model, key: open.recordKey, asked: false };
  return { ...session, phase: 'sending', problems: [], reading: undefined, sending };
}
