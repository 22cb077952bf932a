import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReferral } from '../../domain/criteria';
import { modelFromV1, upgradeModelData, upgradeSettingsModels } from '../../domain/model/migrate';
import { FORMAT_VERSION } from '../../domain/model/model';
import { readModelFile, writeModelFile } from '../../domain/model/model-file';
import { type ServiceModelV1, serviceModelV1Schema } from '../../domain/model/model-v1';
import { readSettingsFile } from '../../domain/settings/settings-file';
import { changed, TODAY } from '../../test-support/fixtures/criteria';

/** The example model files as version 1 wrote them (before pathways and flags). */
function v1Text(file: string): string {
  return readFileSync(join(process.cwd(), 'test-support/fixtures/model-v1', file), 'utf8');
}
const v1 = (file: string): ServiceModelV1 => serviceModelV1Schema.parse(JSON.parse(v1Text(file)));

describe('a version 1 model brought forward to version 2', () => {
  it('makes its one age range, areas, needs and must-include the one pathway, named in plain words', () => {
    const old = v1('boundaried-vcse.json');
    const model = modelFromV1(old);
    expect(model.formatVersion).toBe(2);
    expect(model.scope).toEqual({
      pathways: [
        {
          label: 'People aged 55 and over in BS15, BS16, BS30 with loneliness or isolation',
          minAge: 55,
          postcodeAreas: ['BS15', 'BS16', 'BS30'],
          needs: old.scope.needs,
          mustInclude: ['loneliness'],
        },
      ],
      practices: [],
      outOfScopeRoute: old.scope.outOfScopeRoute,
    });
    const { formatVersion: _old, scope: _oldScope, ...same } = old;
    const { formatVersion: _new, scope: _newScope, ...kept } = model;
    expect(kept).toEqual(same);
  });

  it('keeps an open model’s safety redirect a redirect: it was the agreement’s explicit choice', () => {
    const model = modelFromV1(v1('open-pcn.json'));
    expect(model.safety['suicidal-thoughts'].action).toBe('redirect');
    expect(model.safety.safeguarding.action).toBe('review');
    const verdict = checkReferral(model, changed({ safety: { 'suicidal-thoughts': true } }), TODAY);
    expect(verdict.outcome).toBe('redirect');
  });

  it('is pure: the version 1 model is not changed', () => {
    const old = v1('boundaried-vcse.json');
    const before = structuredClone(old);
    const model = modelFromV1(old);
    model.scope.pathways[0]?.postcodeAreas.push('BS1');
    expect(old).toEqual(before);
  });

  it('checks a referral as the version 1 model did', () => {
    const old = JSON.parse(v1Text('boundaried-vcse.json'));
    const read = readModelFile(v1Text('boundaried-vcse.json'));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    for (const dateOfBirth of ['1950-01-01', '1990-01-01']) {
      const draft = changed({ patient: { dateOfBirth, postcode: 'BS1 4DJ' }, needs: ['money-debt'] });
      const rules = checkReferral(read.model, draft, TODAY).cards.map((card) => card.rule);
      expect(rules, old.id).toEqual(
        dateOfBirth === '1950-01-01'
          ? ['scope.must-include', 'scope.need', 'scope.area']
          : ['scope.must-include', 'scope.need', 'scope.age', 'scope.area'],
      );
    }
  });
});

describe('reading version 1 files', () => {
  it('reads a version 1 file and writes it back as version 2', () => {
    const read = readModelFile(v1Text('open-pcn.json'));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.model.scope.pathways).toHaveLength(1);
    const written = JSON.parse(writeModelFile(read.model));
    expect(written.formatVersion).toBe(FORMAT_VERSION);
    expect(readModelFile(writeModelFile(read.model))).toEqual(read);
  });

  it('locates a version 1 file’s errors where that file has them', () => {
    const data = JSON.parse(v1Text('boundaried-vcse.json'));
    data.scope.minAge = 'fifty-five';
    data.safety.psychosis = { action: 'flag', redirectTo: data.safety.psychosis.redirectTo };
    const read = readModelFile(JSON.stringify(data));
    expect(read.ok ? [] : read.errors.map((error) => error.path)).toEqual(['scope.minAge', 'safety.psychosis.action']);
  });

  it('leaves anything that is not a valid version 1 model for the version 2 schema to explain', () => {
    expect(upgradeModelData({ formatVersion: 1, id: 'x' })).toEqual({ formatVersion: 1, id: 'x' });
    expect(upgradeModelData('text')).toBe('text');
    expect(upgradeModelData(null)).toBe(null);
  });
});

describe('settings holding version 1 models', () => {
  it('brings the model and each saved version forward (stored settings, version 1 → 2)', () => {
    const old = JSON.parse(v1Text('boundaried-vcse.json'));
    const stored = {
      model: old,
      modelHistory: [
        { version: 2, savedAt: '2026-09-15T10:00:00Z', changes: ['First version of this model.'], model: old },
      ],
      retentionDays: 7,
    };
    const upgraded = upgradeSettingsModels(stored) as typeof stored;
    expect(upgraded.model.formatVersion).toBe(2);
    expect(upgraded.modelHistory[0]?.model.formatVersion).toBe(2);
    expect(upgraded.retentionDays).toBe(7);
    expect(stored.model.formatVersion).toBe(1);
  });

  it('reads a settings file written before model format 2', () => {
    const old = JSON.parse(v1Text('open-pcn.json'));
    const file = {
      formatVersion: 1,
      kind: 'social-prescribing-pad-settings',
      exportedAt: '2026-10-01T09:00:00Z',
      settings: { model: old, modelHistory: [], adapters: [], retentionDays: 7 },
    };
    const read = readSettingsFile(JSON.stringify(file));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.file.settings.model?.formatVersion).toBe(2);
    expect(read.file.settings.model?.scope.pathways[0]?.label).toBe('Anyone');
  });
});
