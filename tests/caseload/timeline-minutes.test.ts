import { describe, expect, it } from 'vitest';
import { caseEventSchema } from '../../domain/caseload/case';
import { timeline } from '../../domain/caseload/timeline';

const arrival = { receivedAt: '2026-12-02T09:00:00Z', from: 'Dr Asha Patel, Riverside Surgery', lines: [] };

/** An attempt written down at `recorded`, said to have happened at `happened`. */
function linesOf(happened: string, recorded: string): string[] {
  const body = caseEventSchema.parse({
    kind: 'attempt',
    attempt: { at: happened, how: 'phone', outcome: 'no-answer' },
  });
  return timeline(arrival, [], [{ ...body, id: 1, at: recorded, by: 'sam', byName: 'Sam Jones' }]).at(-1)?.lines ?? [];
}

describe('an attempt recorded in the minute it happened', () => {
  it('says nothing more: the inbox’s form gives the time to the minute', () => {
    expect(linesOf('2026-12-02T10:15:00Z', '2026-12-02T10:15:42Z')).toEqual([]);
  });

  it('says when it was written down once that is another minute', () => {
    expect(linesOf('2026-12-02T10:15:00Z', '2026-12-02T10:16:05Z')).toEqual(['Recorded 2 Dec 2026, 10:16']);
  });
});
