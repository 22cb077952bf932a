import { describe, expect, it } from 'vitest';
import { BOUNDARIED_VCSE_MODEL } from '../../domain/model/examples';
import { writeModelFile } from '../../domain/model/model-file';
import { settingsSchema } from '../../domain/settings/settings';
import { readSettingsFile, settingsFromFile, writeSettingsFile } from '../../domain/settings/settings-file';

const AT = '2026-11-22T09:00:00.000Z';
const settings = settingsSchema.parse({
  model: BOUNDARIED_VCSE_MODEL,
  queue: { endpoint: 'https://queue.example.nhs.uk', token: 'secret-practice-token' },
  retentionDays: 21,
});

describe('the settings file', () => {
  it('leaves the practice token out unless asked', () => {
    const text = writeSettingsFile(settings, { includeToken: false, exportedAt: AT });
    expect(text).not.toContain('secret-practice-token');
    const read = readSettingsFile(text);
    expect(read.ok && read.file.settings.queue).toEqual({ endpoint: 'https://queue.example.nhs.uk' });
    expect(writeSettingsFile(settings, { includeToken: true, exportedAt: AT })).toContain('secret-practice-token');
  });

  it('round-trips all settings when the token is included', () => {
    const read = readSettingsFile(writeSettingsFile(settings, { includeToken: true, exportedAt: AT }));
    expect(read.ok && settingsFromFile(read.file, settingsSchema.parse({}))).toEqual(settings);
  });

  it('keeps the current token for the same endpoint, and sets no queue for a new endpoint without one', () => {
    const read = readSettingsFile(writeSettingsFile(settings, { includeToken: false, exportedAt: AT }));
    if (!read.ok) throw new Error('expected the file to read');
    expect(settingsFromFile(read.file, settings).queue).toEqual(settings.queue);
    const elsewhere = { ...settings, queue: { endpoint: 'https://other.example.nhs.uk', token: 'other' } };
    expect(settingsFromFile(read.file, elsewhere).queue).toBeUndefined();
  });

  it('refuses a malformed file with every error located', () => {
    const file = JSON.parse(writeSettingsFile(settings, { includeToken: false, exportedAt: AT }));
    file.settings.retentionDays = 'a week';
    file.settings.queue.endpoint = 'http://queue.example.nhs.uk';
    file.settings.model.scope.pathways[0].minAge = -3;
    const read = readSettingsFile(JSON.stringify(file));
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.errors.map((error) => error.path)).toEqual([
      'settings.model.scope.pathways.0.minAge',
      'settings.queue.endpoint',
      'settings.retentionDays',
    ]);
  });

  it('says what is wrong with files that are not settings files', () => {
    const errors = (text: string) => {
      const read = readSettingsFile(text);
      return read.ok ? [] : read.errors;
    };
    expect(errors('{"formatVersion": 1,')[0]?.message).toMatch(/Not valid JSON/);
    expect(errors(writeModelFile(BOUNDARIED_VCSE_MODEL))[0]?.message).toMatch(/looks like a model file/);
    expect(errors('{"kind": "social-prescribing-pad-settings", "formatVersion": 2}')[0]?.message).toMatch(/newer/);
    expect(errors('{"kind": "social-prescribing-pad-settings", "formatVersion": 0}')[0]?.message).toMatch(
      /settings file format/,
    );
  });
});
