import { describe, expect, it } from 'vitest';
import { type Effect, type Session, type SessionEvent, startSession, step } from '../../domain/pad/session';
import { JOHN } from './fixtures';

/** Saving as the referrer types (P2), as the session asks for it: one write in flight, the newest value next. */
function johnsDraftOpen(): Session {
  let session = step(startSession(), { type: 'record-changed', record: JOHN }).session;
  const fresh = { referralId: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d', startedAt: '2026-12-02T09:00:00.000Z' };
  session = step(session, {
    type: 'draft-read',
    key: JOHN.recordKey,
    read: 1,
    loaded: { status: 'none' },
    referrer: {},
    fresh,
  }).session;
  return session;
}

function run(session: Session, events: SessionEvent[]): { session: Session; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const event of events) {
    const next = step(session, event);
    session = next.session;
    effects.push(...next.effects);
  }
  return { session, effects };
}

const typing = (text: string): SessionEvent => ({ type: 'edit', change: (draft) => ({ ...draft, whatMatters: text }) });
const written = (effects: Effect[]) =>
  effects.flatMap((effect) => (effect.do === 'store' && 'put' in effect.op ? [effect.op.put.draft.whatMatters] : []));

describe('saving as the referrer types', () => {
  it('writes the first value at once and then only the newest of those typed meanwhile', () => {
    const first = run(johnsDraftOpen(), [typing('J'), typing('Jo'), typing('Joh')]);
    expect(written(first.effects)).toEqual(['J']);
    expect(first.session.draftStatus).toBe('saving');
    const second = run(first.session, [{ type: 'stored', ok: true }]);
    expect(written(second.effects)).toEqual(['Joh']);
    const done = run(second.session, [{ type: 'stored', ok: true }]);
    expect(done.effects).toEqual([]);
    expect(done.session.draftStatus).toBe('saved');
  });

  it('says when a write failed, and still writes what comes next', () => {
    const failed = run(johnsDraftOpen(), [typing('bad'), { type: 'stored', ok: false }]);
    expect(failed.session.saveFailed).toBe(true);
    const next = run(failed.session, [typing('good')]);
    expect(written(next.effects)).toEqual(['good']);
    expect(run(next.session, [{ type: 'stored', ok: true }]).session.saveFailed).toBe(false);
  });
});
