import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkNothingLost, commands, emptyModel, type Property, seen, World } from './session-world';

/**
 * The pad's session (domain/pad/session.ts) under random sequences of what the banner, the referrer, storage and the
 * outbox do, with the effects finishing in any order (tests/pad/session-world.ts).
 */
function holds(property: Property, atTheEnd: (world: World, model: ReturnType<typeof emptyModel>) => void = () => {}) {
  fc.assert(
    fc.property(commands, (steps) => {
      const world = new World();
      const model = emptyModel(property);
      fc.modelRun(() => ({ model, real: world }), steps);
      atTheEnd(world, model);
    }),
    { numRuns: 1000 },
  );
}

describe('the pad’s session, model-based', () => {
  afterAll(() => {
    // The runs went through the cases the properties are about, dozens of times at least.
    console.info('Session runs went through:', seen);
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(50);
  });

  it('never loses an edit: each is in the draft of the patient it was made for, or carried from the no-record draft to the first patient', () => {
    holds('nothing-lost', checkNothingLost);
  });

  it('takes no edit and no Send while another patient is on screen, and an edit lands only in the draft in front', () => {
    holds('guarded');
  });

  it('never lets a draft read that finishes late replace newer edits', () => {
    holds('late-read');
  });
});
