import { describe, expect, it } from 'vitest';
import { modelChanges } from '../../domain/model/diff';
import { BOUNDARIED_VCSE_MODEL, OPEN_PCN_MODEL } from '../../domain/model/examples';
import type { Pathway, ServiceModel } from '../../domain/model/model';

const base = BOUNDARIED_VCSE_MODEL;

function edited(change: (model: ServiceModel) => ServiceModel): ServiceModel {
  return change(structuredClone(base));
}

/** The model's first group (pathway): a single-group model's whole scope. */
function first(model: ServiceModel): Pathway {
  const [pathway] = model.scope.pathways;
  if (!pathway) throw new Error('A model has at least one pathway.');
  return pathway;
}

describe('what changed between two versions of a model', () => {
  it('is nothing when only the version differs', () => {
    expect(modelChanges(base, { ...base, version: base.version + 7 })).toEqual([]);
  });

  it('names the group when there are several, and says which were added or removed', () => {
    const coaching = { label: 'Any adult with coaching goals', minAge: 18, postcodeAreas: [], mustInclude: [] };
    const two = { ...base, scope: { ...base.scope, pathways: [first(base), coaching] } };
    expect(modelChanges(base, two)).toEqual(['Group added: “Any adult with coaching goals”']);
    const older = { ...two, scope: { ...two.scope, pathways: [first(two), { ...coaching, minAge: 25 }] } };
    expect(modelChanges(two, older)).toEqual(['Group 2, “Any adult with coaching goals”: Lowest age: 18 → 25']);
    expect(modelChanges(two, base)).toEqual(['Group removed: “Any adult with coaching goals”']);
  });

  it('calls the first save the first version', () => {
    expect(modelChanges(undefined, base)).toEqual(['First version of this model.']);
  });

  it.each<{ what: string; edit: (model: ServiceModel) => ServiceModel; lines: string[] }>([
    {
      what: 'scalar changes with before and after',
      edit: (m) => ({ ...m, kind: 'open', scope: { ...m.scope, pathways: [{ ...first(m), minAge: 60, maxAge: 90 }] } }),
      lines: ['Kind: Boundaried → Open', 'Lowest age: 55 → 60', 'Highest age: (no bound) → 90'],
    },
    {
      what: 'list changes by what was added and removed, in the users’ words',
      edit: (m) => ({
        ...m,
        scope: {
          ...m.scope,
          pathways: [{ ...first(m), needs: [...(first(m).needs ?? []).filter((need) => need !== 'food'), 'housing'] }],
        },
        contactModes: ['phone', 'email'],
        agreement: { ...m.agreement, agreedBy: [...m.agreement.agreedBy, 'ICB commissioner'] },
      }),
      lines: [
        'Agreed by: added “ICB commissioner”',
        'Needs in scope: added Housing; removed Food',
        'Contact modes: added Email; removed Letter, In person',
      ],
    },
    {
      what: 'a safety flag’s new handling and where it now redirects',
      edit: (m) => ({
        ...m,
        safety: {
          ...m.safety,
          'secondary-mental-health': {
            action: 'redirect',
            redirectTo: { service: 'The CMHT', contact: '0117 496 0999' },
          },
          safeguarding: { action: 'review' },
        },
      }),
      lines: [
        'Safeguarding concern (including domestic abuse): redirect → accept for the link worker to review',
        'Under secondary mental-health care: accept for the link worker to review → redirect',
        'Under secondary mental-health care, where to instead: “The CMHT — 0117 496 0999”',
      ],
    },
  ])('names $what', ({ edit, lines }) => {
    expect(modelChanges(base, edited(edit))).toEqual(lines);
  });

  it('lists every difference between the two example models without throwing', () => {
    const changes = modelChanges(OPEN_PCN_MODEL, BOUNDARIED_VCSE_MODEL);
    expect(changes).toContain('Kind: Open → Boundaried');
    expect(changes.length).toBeGreaterThan(5);
    expect(modelChanges(BOUNDARIED_VCSE_MODEL, BOUNDARIED_VCSE_MODEL)).toEqual([]);
  });
});
