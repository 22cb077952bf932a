import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PatientContext } from '../../domain/adapters/patient-context';
import { checkNothingLost, commands, emptyModel, PATIENTS, type Property, seen, World } from './session-world';

/**
 * The pad's session (domain/pad/session.ts) under random sequences of what the banner, the referrer, storage and the
 * outbox do, with the effects finishing in any order (tests/pad/session-world.ts).
 */
function holds(property: Property, atTheEnd: (world: World, model: ReturnType<typeof emptyModel>) => void = () => {}) {
  for (const key of Object.keys(seen)) seen[key as keyof typeof seen] = 0;
  fc.assert(
    fc.property(commands, (steps) => {
      const world = new World();
      const model = emptyModel(property);
      fc.modelRun(() => ({ model, real: world }), steps);
      atTheEnd(world, model);
    }),
    { numRuns: 800 },
  );
  // The runs went through the cases the properties are about, several times at least (carries are the rarest: 10-60 in 800 runs).
  for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(5);
}

/** The runs take seconds on a loaded machine: the default 5 s would fail them for being slow, which is not the point. */
const MINUTE = { timeout: 60_000 };

describe('the pad’s session, model-based', () => {
  it(
    'never loses an edit: each is in the draft of the patient it was made for, or carried from the no-record draft to the first patient',
    MINUTE,
    () => {
      holds('nothing-lost', checkNothingLost);
    },
  );

  it(
    'takes no edit and no Send while another patient is on screen, and an edit lands only in the draft in front',
    MINUTE,
    () => {
      holds('guarded');
    },
  );

  it('never lets a draft read that finishes late replace newer edits', MINUTE, () => {
    holds('late-read');
  });
});

describe('a read of a draft', () => {
  it('asked before what was typed into it and finishing last is not applied: the draft in front keeps what was typed', () => {
    const world = new World();
    const [smith, okafor] = PATIENTS as [PatientContext, PatientContext];
    const finish = (kind: string, newest = false) => {
      const indexes = world.pending.flatMap((pending, index) => (pending.kind === kind ? [index] : []));
      world.finish((newest ? indexes.at(-1) : indexes[0]) ?? -1);
    };
    world.dispatch({ type: 'record-changed', record: smith }); // read 1 of Smith's draft: slow
    world.dispatch({ type: 'record-changed', record: okafor });
    world.dispatch({ type: 'record-changed', record: smith });
    finish('read', true); // Smith's draft opens from the last read
    world.dispatch({ type: 'edit', change: (draft) => ({ ...draft, whatMatters: 'his allotment' }) });
    finish('store');
    world.dispatch({ type: 'record-changed', record: okafor });
    world.dispatch({ type: 'open-on-screen' });
    finish('read', true);
    expect(world.session.open?.recordKey).toBe(okafor.recordKey);
    world.dispatch({ type: 'record-changed', record: smith }); // Okafor's draft is untouched: Smith's is read again
    finish('read'); // read 1, asked before "his allotment" was typed, finishes now
    finish('read', true);
    expect(world.session.open?.recordKey).toBe(smith.recordKey);
    expect(world.session.open?.draft.whatMatters).toBe('his allotment');
  });

  it('is asked only once what was typed into that draft is stored', () => {
    const world = new World();
    const [smith, okafor] = PATIENTS as [PatientContext, PatientContext];
    world.dispatch({ type: 'record-changed', record: okafor });
    world.finish(0);
    world.dispatch({ type: 'edit', change: (draft) => ({ ...draft, whatMatters: 'the choir' }) }); // its write is slow
    world.dispatch({ type: 'record-changed', record: smith });
    world.dispatch({ type: 'open-on-screen' });
    world.finish(world.pending.findIndex((pending) => pending.kind === 'read'));
    expect(world.session.open?.recordKey).toBe(smith.recordKey);
    world.dispatch({ type: 'record-changed', record: okafor }); // Smith's draft is untouched: Okafor's is read again
    world.finish(world.pending.length - 1);
    world.finish(world.pending.length - 1);
    expect(world.session.open?.recordKey).toBe(okafor.recordKey);
    expect(world.session.open?.draft.whatMatters).toBe('the choir');
  });
});
