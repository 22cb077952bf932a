import { describe, expect, it } from 'vitest';
import { latestWriter } from '../../app/pad/latest-writer';

describe('saving as the referrer types', () => {
  it('writes the first value at once and then only the newest of those typed meanwhile', async () => {
    const written: string[] = [];
    let release: () => void = () => {};
    const writer = latestWriter<string>(
      (value) =>
        new Promise<void>((resolve) => {
          written.push(value);
          release = resolve;
        }),
      () => {},
    );
    writer.write('J');
    writer.write('Jo');
    writer.write('Joh');
    expect(written).toEqual(['J']);
    release();
    await Promise.resolve();
    await Promise.resolve();
    expect(written).toEqual(['J', 'Joh']);
    release();
    await writer.settled();
    expect(written).toEqual(['J', 'Joh']);
  });

  it('reports a failed write and still writes what comes next', async () => {
    const errors: unknown[] = [];
    const written: string[] = [];
    const writer = latestWriter<string>(
      async (value) => {
        if (value === 'bad') throw new Error('quota');
        written.push(value);
      },
      (error) => errors.push(error),
    );
    writer.write('bad');
    await writer.settled();
    writer.write('good');
    await writer.settled();
    expect(written).toEqual(['good']);
    expect(errors).toHaveLength(1);
  });
});

describe('the saving status', () => {
  it('is busy from the first write until the newest value is written', async () => {
    const states: boolean[] = [];
    const writer = latestWriter<string>(
      async () => {},
      () => {},
      (busy) => states.push(busy),
    );
    writer.write('a');
    writer.write('b');
    await writer.settled();
    expect(states).toEqual([true, false]);
  });
});
