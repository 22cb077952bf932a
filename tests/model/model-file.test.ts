import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOUNDARIED_VCSE_MODEL as BOUNDARIED, EXAMPLE_MODELS } from '../../domain/model/examples';
import { type ModelFileError, readModelFile, writeModelFile } from '../../domain/model/model-file';

/** The boundaried example's file with one thing changed, as a champion's editor might leave it. */
// biome-ignore lint/suspicious/noExplicitAny: the test edits the file as untyped JSON, the way a text editor would.
function fileWith(change: (model: Record<string, any>) => void): string {
  const data = JSON.parse(writeModelFile(BOUNDARIED));
  change(data);
  return JSON.stringify(data, null, 2);
}

function errorsOf(text: string): ModelFileError[] {
  const result = readModelFile(text);
  if (result.ok) throw new Error('a malformed file was read as a model');
  return result.errors;
}

describe('model files: round trip', () => {
  it.each(EXAMPLE_MODELS.map((model) => [model.id, model] as const))(
    '%s survives a round trip unchanged',
    (_, model) => {
      const text = writeModelFile(model);
      expect(text.endsWith('}\n')).toBe(true);
      const read = readModelFile(text);
      expect(read).toEqual({ ok: true, model });
      if (read.ok) expect(writeModelFile(read.model)).toBe(text);
    },
  );

  it.each([
    ['open-pcn.json', 'open'],
    ['boundaried-vcse.json', 'boundaried'],
  ])('the shipped %s reads as a %s model, agreed and not yet due for review on 2026-11-22', (file, kind) => {
    const text = readFileSync(join(process.cwd(), 'domain/model/examples', file), 'utf8');
    const read = readModelFile(text);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.model.kind).toBe(kind);
    expect(read.model.agreement.agreedBy.length).toBeGreaterThan(1);
    expect(read.model.agreement.agreedOn <= '2026-11-22').toBe(true);
    expect(read.model.agreement.reviewBy > '2026-11-22').toBe(true);
  });
});

describe('model files: a malformed file gives located, readable errors', () => {
  const cases: [string, string, ModelFileError[]][] = [
    [
      'wrong types',
      fileWith((model) => {
        model.version = '2';
        model.overridesAllowed = 'yes';
        model.scope.pathways[0].minAge = 'fifty-five';
        model.capacity = { status: 'waiting-list', typicalWeeks: 2.5 };
      }),
      [
        { path: 'version', message: 'Expected a number, found text "2".' },
        { path: 'scope.pathways.0.minAge', message: 'Expected a number, found text "fifty-five".' },
        { path: 'capacity.typicalWeeks', message: 'Expected a whole number, found number 2.5.' },
        { path: 'overridesAllowed', message: 'Expected true or false, found text "yes".' },
      ],
    ],
    [
      'unknown fields',
      fileWith((model) => {
        model.colour = 'blue';
        model.scope.radiusMiles = 3;
        model.scope.exclusions = [];
      }),
      [
        { path: 'scope', message: 'Unknown fields “radiusMiles”, “exclusions”: not part of the model format.' },
        { path: '(the file)', message: 'Unknown field “colour”: not part of the model format.' },
      ],
    ],
    [
      'no agreement',
      fileWith((model) => {
        delete model.agreement;
      }),
      [{ path: 'agreement', message: 'This field is missing.' }],
    ],
    [
      'an agreement nobody agreed, with a date in UK order',
      fileWith((model) => {
        model.agreement.agreedBy = [];
        model.agreement.agreedOn = '15/09/2026';
        model.name = ' ';
      }),
      [
        { path: 'name', message: 'This must not be empty.' },
        { path: 'agreement.agreedBy', message: 'Name who agreed the model: roles and organisations.' },
        { path: 'agreement.agreedOn', message: 'A date as YYYY-MM-DD, for example 2026-04-01.' },
      ],
    ],
    [
      'a future format version',
      fileWith((model) => {
        model.formatVersion = 3;
      }),
      [
        {
          path: 'formatVersion',
          message:
            'This file is format version 3, written by a newer Social Prescribing Pad; this one reads up to version 2. Update the extension to open it.',
        },
      ],
    ],
    [
      'no format version',
      fileWith((model) => {
        delete model.formatVersion;
      }),
      [
        {
          path: 'formatVersion',
          message:
            'This field is missing: it must be 2 (or 1, the earlier format), the model file format this Social Prescribing Pad reads.',
        },
      ],
    ],
    [
      'not JSON: cut short',
      writeModelFile(BOUNDARIED).slice(0, 200),
      [{ path: '(the file)', message: 'Not valid JSON: the file ends too early (is it cut short?).' }],
    ],
    [
      'not JSON: a trailing comma on line 3',
      '{\n  "formatVersion": 1,\n  "id": "x",\n}\n',
      [{ path: '(the file)', message: 'Not valid JSON at line 4, column 1: Expected double-quoted property name.' }],
    ],
    ['not one object', '[]', [{ path: '(the file)', message: 'A model file holds one JSON object.' }]],
    [
      'a redirect without redirectTo',
      fileWith((model) => {
        model.safety.psychosis = { action: 'redirect' };
      }),
      [
        {
          path: 'safety.psychosis.redirectTo',
          message: 'A question that redirects or flags must say which route to use (redirectTo).',
        },
      ],
    ],
    [
      'a flag without the route to use',
      fileWith((model) => {
        model.safety['suicidal-thoughts'] = { action: 'flag' };
      }),
      [
        {
          path: 'safety.suicidal-thoughts.redirectTo',
          message: 'A question that redirects or flags must say which route to use (redirectTo).',
        },
      ],
    ],
    [
      'no pathways, and a route naming a service id that is not a slug',
      fileWith((model) => {
        model.scope.pathways = [];
        model.scope.outOfScopeRoute.serviceId = 'Kingsmead PCN';
      }),
      [
        { path: 'scope.pathways', message: 'Describe at least one group of people the service takes.' },
        {
          path: 'scope.outOfScopeRoute.serviceId',
          message: 'A service id is lower-case letters, digits and dashes, for example "kingsmead-pcn-sp".',
        },
      ],
    ],
    [
      'the minimum age above the maximum',
      fileWith((model) => {
        model.scope.pathways[0].minAge = 70;
        model.scope.pathways[0].maxAge = 60;
      }),
      [{ path: 'scope.pathways.0.maxAge', message: 'The upper age bound is below the lower one.' }],
    ],
    [
      'a need and a kind the pad does not know, an age out of range',
      fileWith((model) => {
        model.kind = 'closed';
        model.scope.pathways[0].needs = ['loneliness', 'knitting'];
        model.scope.pathways[0].minAge = 200;
      }),
      [
        { path: 'kind', message: 'Must be one of "open", "boundaried".' },
        {
          path: 'scope.pathways.0.minAge',
          message: 'Must be at most 120.',
        },
        {
          path: 'scope.pathways.0.needs.1',
          message: expect.stringMatching(/^Must be one of "loneliness", "low-mood", .*"personal-goals"\.$/),
        },
      ],
    ],
    [
      'a postcode that is not an area or district',
      fileWith((model) => {
        model.scope.pathways[0].postcodeAreas = ['BS16 1QY'];
      }),
      [{ path: 'scope.pathways.0.postcodeAreas.0', message: 'A postcode area or district, for example BS or BS16.' }],
    ],
  ];

  it.each(cases)('%s', (_, text, expected) => {
    const errors = errorsOf(text);
    expect(errors).toEqual(expected);
    for (const { path, message } of errors) {
      expect(path).not.toBe('');
      expect(message).not.toMatch(/\n|\bat .*:\d+:\d+|Error\b|ZodError|Too (small|big):/);
    }
  });

  it('answers anything at all with errors, never a throw or a stack trace', () => {
    for (const text of ['', 'null', '42', '"model"', '{', '\u0000', '{"formatVersion":"1"}', 'x'.repeat(10_000)]) {
      const errors = errorsOf(text);
      expect(errors.length).toBeGreaterThan(0);
      for (const { message } of errors) expect(message).not.toMatch(/\n\s+at /);
    }
  });
});
