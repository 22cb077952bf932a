import { describe, expect, it } from 'vitest';
import { directoryToBundle, readDirectoryBundle } from '../../domain/fhir/directory';
import { EXTENSIONS } from '../../domain/fhir/systems';
import { riversideDirectory } from '../../test-support/fixtures/services';

describe('a practice’s directory as FHIR R4', () => {
  it('is a searchset of HealthcareService matches and their Organizations, included once each', () => {
    const bundle = directoryToBundle(riversideDirectory);
    expect(bundle.type).toBe('searchset');
    expect(bundle.total).toBe(2);
    expect(bundle.entry?.map((entry) => [entry.resource?.resourceType, entry.search?.mode])).toEqual([
      ['HealthcareService', 'match'],
      ['HealthcareService', 'match'],
      ['Organization', 'include'],
      ['Organization', 'include'],
    ]);
    const first = bundle.entry?.[0]?.resource;
    expect(first).toMatchObject({
      id: 'kingsmead-connect',
      name: 'Kingsmead Connect 55+',
      providedBy: { reference: 'Organization/kct01' },
      availabilityExceptions: 'Monday to Friday, 9am to 5pm',
    });
  });

  it('reads back to the same entries', () => {
    const json = JSON.parse(JSON.stringify(directoryToBundle(riversideDirectory)));
    expect(readDirectoryBundle(json)).toEqual({ ok: true, entries: riversideDirectory });
  });

  it('reads an empty directory, which has no entry array', () => {
    const bundle = directoryToBundle([]);
    expect(bundle.entry).toBeUndefined();
    expect(readDirectoryBundle(bundle)).toEqual({ ok: true, entries: [] });
  });

  it('locates a bad capacity, a missing Organization and a broken agreed model', () => {
    const bundle = JSON.parse(JSON.stringify(directoryToBundle(riversideDirectory)));
    const service = bundle.entry[0].resource;
    service.extension[0].extension[0].valueCode = 'full';
    bundle.entry[1].resource.providedBy.reference = 'Organization/nowhere';
    const reading = readDirectoryBundle(bundle);
    expect(reading.ok).toBe(false);
    const problems = reading.ok ? [] : reading.problems;
    expect(problems).toContainEqual({
      path: 'entry[1].resource.providedBy',
      message: 'The Organization it names is not in the Bundle.',
    });
    expect(problems.map((problem) => problem.path)).toContain('entry[0].resource.extension[0].(state)');

    const broken = JSON.parse(JSON.stringify(directoryToBundle(riversideDirectory)));
    const agreed = broken.entry[0].resource.extension.findIndex(
      (e: { url: string }) => e.url === EXTENSIONS.agreedModel,
    );
    broken.entry[0].resource.extension[agreed].valueString = '{"serviceId":';
    expect(readDirectoryBundle(broken)).toEqual({
      ok: false,
      problems: [
        { path: `entry[0].resource.extension[${agreed}].valueString`, message: 'The agreed model is not valid JSON.' },
      ],
    });
  });

  it('refuses what is not a searchset', () => {
    expect(readDirectoryBundle({ resourceType: 'Bundle', type: 'transaction' })).toMatchObject({
      ok: false,
      problems: [{ path: 'type' }],
    });
  });
});
