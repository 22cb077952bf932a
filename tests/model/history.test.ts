import { describe, expect, it } from 'vitest';
import { BOUNDARIED_VCSE_MODEL as model } from '../../domain/model/examples';
import { MAX_HISTORY, nextVersion, withEntry } from '../../domain/model/history';

const AT = '2026-11-22T09:00:00.000Z';

describe('saving a model makes a new version', () => {
  it('keeps an example’s own version on the first save and says it is the first', () => {
    const saved = nextVersion(undefined, model, AT);
    expect(saved?.model.version).toBe(model.version);
    expect(saved?.entry).toEqual({
      version: model.version,
      savedAt: AT,
      changes: ['First version of this model.'],
      model,
    });
  });

  it('goes up by one with each change and records what changed', () => {
    const pathways = model.scope.pathways.map((pathway) => ({ ...pathway, minAge: 60 }));
    const edited = { ...model, scope: { ...model.scope, pathways } };
    const saved = nextVersion(model, edited, AT);
    expect(saved?.model.version).toBe(model.version + 1);
    expect(saved?.model.scope.pathways[0]?.minAge).toBe(60);
    expect(saved?.entry.changes).toEqual(['Lowest age: 55 → 60']);
  });

  it('goes above an imported file’s higher version', () => {
    const imported = { ...model, version: 9, overridesAllowed: false };
    expect(nextVersion(model, imported, AT)?.model.version).toBe(10);
  });

  it('makes no version when nothing changed', () => {
    expect(nextVersion(model, { ...model }, AT)).toBeUndefined();
  });

  it('keeps the newest first and at most MAX_HISTORY versions', () => {
    let history = withEntry([], { version: 1, savedAt: AT, changes: [], model });
    for (let version = 2; version <= MAX_HISTORY + 5; version++) {
      history = withEntry(history, { version, savedAt: AT, changes: [], model });
    }
    expect(history).toHaveLength(MAX_HISTORY);
    expect(history[0]?.version).toBe(MAX_HISTORY + 5);
  });
});
