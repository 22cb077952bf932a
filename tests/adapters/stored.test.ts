import { describe, expect, it } from 'vitest';
import { storedAdapters } from '../../app/shared/storage/adapters';
import { adapterSchema, BUILT_IN_ADAPTERS, demoAdapter } from '../../domain/adapters';

describe('storedAdapters (the content script’s check of the champion’s adapters)', () => {
  it('keeps adapters the options page would save', () => {
    const saved = BUILT_IN_ADAPTERS.map((adapter) => adapterSchema.parse({ ...adapter, id: `copy-${adapter.id}` }));
    expect(storedAdapters(saved)).toEqual(saved);
  });

  it('skips entries of the wrong shape, keeping the rest', () => {
    const broken = [
      null,
      'adapter',
      { ...demoAdapter, matches: [] },
      { ...demoAdapter, banner: 42 },
      { ...demoAdapter, fields: { nhsNumber: { pattern: '\\d+' } } },
      { ...demoAdapter, fields: { favouriteColour: { selector: 'p' } } },
    ];
    expect(storedAdapters([...broken, demoAdapter])).toEqual([demoAdapter]);
    expect(storedAdapters(undefined)).toEqual([]);
    expect(storedAdapters({ adapters: [demoAdapter] })).toEqual([]);
  });
});
