import fc from 'fast-check';
import { expect } from 'vitest';
import type { PatientContext } from '../../domain/adapters/patient-context';
import { NO_RECORD, ownerKey, type SavedDraft } from '../../domain/drafts/saved-draft';
import { OPEN_PCN_MODEL } from '../../domain/model/examples';
import {
  type Effect,
  isGuarded,
  type ReadDraft,
  type Session,
  type SessionEvent,
  startSession,
  step,
} from '../../domain/pad/session';
import type { Referral } from '../../domain/referral/referral';
import { JOHN } from './fixtures';

/**
 * The pad's session with its effects held back, as storage and the outbox might answer them: each pending effect
 * finishes when a command says so, in any order. Storage is a Map; a read sees storage as it was when asked (what
 * `storage.local.get` does when a write is asked after it); a write lands when it finishes.
 */
type Pending =
  | { kind: 'read'; key: string; read: number; loaded: ReadDraft; editsBefore: number }
  | { kind: 'store'; effect: Extract<Effect, { do: 'store' }> }
  | { kind: 'send'; key: string; referral: Referral; ok: boolean };

export const PATIENTS: PatientContext[] = [
  JOHN,
  {
    recordKey: 'nhs:9990012342',
    adapterId: 'demo',
    fields: { nhsNumber: '999 001 2342', given: 'Adaeze', family: 'OKAFOR' },
  },
  {
    recordKey: 'nhs:9990034567',
    adapterId: 'demo',
    fields: { nhsNumber: '999 003 4567', given: 'Ravi', family: 'PATEL' },
  },
];

/** What the runs went through, so that a property cannot pass for want of the case it is about. */
export const seen = { opened: 0, carried: 0, guardedEdits: 0, guardedSends: 0, readsNotApplied: 0 };

export class World {
  session: Session = startSession();
  storage = new Map<string, SavedDraft>();
  pending: Pending[] = [];
  /** What reached the outbox: the sent draft's key and its words (where the edits' tokens are). */
  sent: { key: string; whatMatters: string }[] = [];
  /** The tokens of the edits the session took, in order. */
  edits: string[] = [];
  /** Whether the outbox takes the next referral sent. */
  outboxTakes = true;
  private made = 0;

  dispatch(event: SessionEvent): Effect[] {
    const { session, effects } = step(this.session, event);
    this.session = session;
    for (const effect of effects) this.begin(effect);
    return effects;
  }

  private begin(effect: Effect): void {
    if (effect.do === 'read') {
      const saved = this.storage.get(effect.key);
      this.pending.push({
        kind: 'read',
        key: effect.key,
        read: effect.read,
        editsBefore: this.edits.length,
        loaded: saved ? { status: 'found', saved } : { status: 'none' },
      });
    } else if (effect.do === 'store') {
      this.pending.push({ kind: 'store', effect });
    } else if (effect.do === 'send') {
      this.pending.push({ kind: 'send', key: effect.key, referral: effect.referral, ok: this.outboxTakes });
    }
  }

  /** Finishes the pending effect at `index` and hands its result back to the session. */
  finish(index: number): void {
    const [done] = this.pending.splice(index, 1);
    if (!done) return;
    if (done.kind === 'read') {
      const fresh = {
        referralId: `00000000-0000-4000-8000-${String(++this.made).padStart(12, '0')}`,
        startedAt: '2026-12-02T09:00:00.000Z',
      };
      const before = this.session.open;
      this.dispatch({ type: 'draft-read', key: done.key, read: done.read, loaded: done.loaded, referrer: {}, fresh });
      if (this.session.open === before) seen.readsNotApplied++;
      else seen.opened++;
    } else if (done.kind === 'store') {
      const { op } = done.effect;
      if ('put' in op) this.storage.set(op.put.recordKey, op.put);
      else this.storage.delete(op.remove);
      this.dispatch({ type: 'stored', ok: true });
    } else if (done.ok) {
      // The session removes the sent draft itself, as a store operation, once the outbox has the referral.
      this.sent.push({ key: done.key, whatMatters: done.referral.whatMatters });
      this.dispatch({ type: 'outbox-answered', ok: true });
    } else {
      this.dispatch({ type: 'outbox-answered', ok: false, message: 'the outbox is closed' });
    }
  }
}

/** The edits' tokens a text holds. */
const tokens = (text: string) => new Set(text.match(/t\d+/g) ?? []);

/**
 * The model: each edit the session took (its token), the draft it went into, and the tokens each draft must still
 * hold (`live`: a draft sent, or the no-record draft carried to a patient, is no longer expected to hold them).
 */
export type Property = 'nothing-lost' | 'guarded' | 'late-read';
export type Model = {
  /** The property this run checks as it goes (the model is kept the same for each). */
  checking: Property;
  next: number;
  made: Map<string, string>;
  live: Map<string, Set<string>>;
};
export const emptyModel = (checking: Property): Model => ({ checking, next: 0, made: new Map(), live: new Map() });

function liveIn(model: Model, key: string): Set<string> {
  const live = model.live.get(key) ?? new Set<string>();
  model.live.set(key, live);
  return live;
}

/** The no-record draft made way for the first patient's: what was typed into it here came along (P7). */
function followCarry(world: World, model: Model, before: Session): void {
  const open = world.session.open;
  if (before.open?.recordKey !== NO_RECORD || !open || open.recordKey === NO_RECORD) return;
  const inFront = tokens(open.draft.whatMatters);
  // What an older no-record draft, read back from storage, already held stays in it.
  for (const token of liveIn(model, NO_RECORD)) {
    if (!inFront.has(token)) continue;
    seen.carried++;
    model.made.set(token, open.recordKey);
    liveIn(model, open.recordKey).add(token);
    liveIn(model, NO_RECORD).delete(token);
  }
}

/** Property 3, after every step: the draft in front holds every edit made to it; no late read replaced any. */
function checkInFront(world: World, model: Model): void {
  const open = world.session.open;
  if (model.checking !== 'late-read' || !open) return;
  const inFront = tokens(open.draft.whatMatters);
  for (const token of liveIn(model, open.recordKey)) {
    expect(inFront, `${token}, made in ${open.recordKey}, is missing from it in front`).toContain(token);
  }
}

abstract class Step implements fc.Command<Model, World> {
  check = () => true;
  run(model: Model, world: World): void {
    const before = world.session;
    this.act(model, world, before);
    followCarry(world, model, before);
    checkInFront(world, model);
  }
  abstract act(model: Model, world: World, before: Session): void;
  abstract toString(): string;
}

class RecordChanged extends Step {
  constructor(readonly patient: number | null) {
    super();
  }
  act(_: Model, world: World): void {
    world.dispatch({ type: 'record-changed', record: this.patient === null ? null : (PATIENTS[this.patient] ?? null) });
  }
  toString = () => `record(${this.patient === null ? 'none' : PATIENTS[this.patient]?.fields.family})`;
}

/** The referrer types (a token into What matters; `names` also types a family name, so the draft names its patient). */
class Edit extends Step {
  constructor(readonly names: boolean) {
    super();
  }
  act(model: Model, world: World, before: Session): void {
    const token = `t${++model.next}`;
    const names = this.names;
    const effects = world.dispatch({
      type: 'edit',
      change: (draft) => ({
        ...draft,
        whatMatters: `${draft.whatMatters} ${token}`,
        patient: names ? { ...draft.patient, family: `Typed${token}` } : draft.patient,
        provenance: names ? { ...draft.provenance, family: 'typed' } : draft.provenance,
      }),
    });
    const open = before.open;
    const guarding = model.checking === 'guarded';
    if (isGuarded(before)) seen.guardedEdits++;
    if (!open || before.phase !== 'editing' || isGuarded(before)) {
      // Property 2: while another patient is on screen the draft takes no edit at all.
      if (guarding) expect(world.session.open, `${token} changed a guarded draft`).toBe(before.open);
      if (guarding) expect(effects, `${token}, typed into a guarded draft, was stored`).toEqual([]);
      return;
    }
    // The edit is in the draft in front of the referrer.
    if (guarding) expect(world.session.open?.recordKey).toBe(open.recordKey);
    if (guarding) expect(tokens(world.session.open?.draft.whatMatters ?? '')).toContain(token);
    model.made.set(token, open.recordKey);
    liveIn(model, open.recordKey).add(token);
    world.edits.push(token);
  }
  toString = () => (this.names ? 'edit(naming)' : 'edit');
}

class Finish extends Step {
  constructor(readonly which: number) {
    super();
  }
  act(model: Model, world: World, before: Session): void {
    if (!world.pending.length) return;
    const index = this.which < 0 ? world.pending.length - 1 : this.which % world.pending.length;
    const done = world.pending[index];
    world.finish(index);
    if (done?.kind === 'send' && done.ok) model.live.delete(done.key);
    const { open, record } = world.session;
    if (model.checking === 'late-read' && done?.kind === 'read' && open !== before.open) {
      // Property 3: a read that finished after the record moved on never puts another record's draft in front, and
      // a read never takes away what was typed after it was asked (only the no-record draft's edits come along).
      expect(open?.recordKey, `the draft read for ${done.key} replaced the one in front`).toBe(
        ownerKey(record ?? undefined),
      );
      const inFront = tokens(open?.draft.whatMatters ?? '');
      for (const token of world.edits.slice(done.editsBefore)) {
        expect(inFront, `${token}, typed after the read was asked, was replaced by it`).toContain(token);
      }
    }
  }
  toString = () => `finish(${this.which})`;
}

class Send extends Step {
  constructor(readonly outboxTakes: boolean) {
    super();
  }
  act(model: Model, world: World, before: Session): void {
    world.outboxTakes = this.outboxTakes;
    const open = before.open;
    const referral = { id: open?.referralId, whatMatters: open?.draft.whatMatters ?? '' } as Referral;
    const effects = world.dispatch({ type: 'send', made: { ok: true, referral, model: OPEN_PCN_MODEL } });
    if (isGuarded(before)) seen.guardedSends++;
    if (model.checking === 'guarded' && isGuarded(before)) {
      // Property 2: a guarded draft cannot be sent.
      expect(world.session.phase, 'a guarded draft is being sent').toBe(before.phase);
      expect(effects.filter((effect) => effect.do === 'send')).toEqual([]);
    }
  }
  toString = () => `send(${this.outboxTakes ? 'taken' : 'refused'})`;
}

class Press extends Step {
  constructor(readonly button: 'open-on-screen' | 'keep-draft' | 'start-again') {
    super();
  }
  act(_: Model, world: World): void {
    world.dispatch({ type: this.button });
  }
  toString = () => this.button;
}

export const commands = fc.commands(
  [
    fc
      .option(fc.integer({ min: 0, max: PATIENTS.length - 1 }), { nil: null, freq: 2 })
      .map((patient) => new RecordChanged(patient)),
    fc.boolean().map((names) => new Edit(names)),
    // Finishing the newest pending effect first keeps older ones (a slow read) waiting: the late reads in question.
    fc.nat().map((which) => new Finish(which)),
    fc.constant(new Finish(-1)),
    fc.boolean().map((takes) => new Send(takes)),
    fc.constantFrom('open-on-screen', 'keep-draft', 'start-again' as const).map((button) => new Press(button)),
  ],
  { maxCommands: 60, size: '+1' },
);

/**
 * Property 1, once every effect has finished: each edit the session took is stored, in the draft (or the sent
 * referral) of the patient it was made for, or of the first patient the no-record draft was carried to; and in no
 * other patient's draft.
 */
export function checkNothingLost(world: World, model: Model): void {
  while (world.pending.length) {
    const before = world.session;
    world.finish(0);
    followCarry(world, model, before);
  }
  const holders = (token: string) => [
    ...[...world.storage].filter(([, saved]) => tokens(saved.draft.whatMatters).has(token)).map(([key]) => key),
    ...world.sent.filter((sent) => tokens(sent.whatMatters).has(token)).map((sent) => sent.key),
    ...(world.session.open && tokens(world.session.open.draft.whatMatters).has(token)
      ? [world.session.open.recordKey]
      : []),
  ];
  for (const [token, key] of model.made) {
    const where = new Set(holders(token));
    expect([...where], `${token} (made in ${key}) is lost`).toContain(key);
    for (const other of where) {
      if (other !== key && other !== NO_RECORD) expect.fail(`${token}, made in ${key}, landed in ${other}`);
    }
  }
}
