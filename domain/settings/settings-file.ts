import { z } from 'zod';
import { upgradeSettingsModels } from '../model/migrate';
import { located, type ModelFileError, parseJsonFile } from '../model/model-file';
import { queueSettingsSchema, type Settings, settingsSchema } from './settings';

/** The settings file format this code writes. A newer one is refused, not guessed at. */
export const SETTINGS_FORMAT_VERSION = 1;
const KIND = 'social-prescribing-pad-settings';

/** In a file the queue's token is optional: it is left out unless the champion asks for it. */
const fileSettingsSchema = settingsSchema.extend({
  queue: queueSettingsSchema.extend({ token: queueSettingsSchema.shape.token.optional() }).optional(),
});

const settingsFileSchema = z.strictObject({
  formatVersion: z.literal(SETTINGS_FORMAT_VERSION),
  kind: z.literal(KIND),
  exportedAt: z.iso.datetime({ offset: true }),
  settings: fileSettingsSchema,
});

export type SettingsFile = z.output<typeof settingsFileSchema>;
export type SettingsFileResult = { ok: true; file: SettingsFile } | { ok: false; errors: ModelFileError[] };

/**
 * The file text for all settings. The practice token is left out unless asked for: with it, anyone holding the file
 * could send referrals to the queue as this practice, and settings files get emailed and shared between practices.
 */
export function writeSettingsFile(
  settings: Settings,
  { includeToken, exportedAt }: { includeToken: boolean; exportedAt: string },
): string {
  const { queue, ...rest } = settings;
  const file: SettingsFile = {
    formatVersion: SETTINGS_FORMAT_VERSION,
    kind: KIND,
    exportedAt,
    settings: {
      ...rest,
      ...(queue ? { queue: includeToken ? queue : { endpoint: queue.endpoint } } : {}),
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads a settings file's text. Never throws: a bad file gives every error, each naming where it is. */
export function readSettingsFile(text: string): SettingsFileResult {
  const json = parseJsonFile(text);
  if (!json.ok) return json;
  const { data } = json;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: [{ path: '(the file)', message: 'A settings file holds one JSON object.' }] };
  }
  const { formatVersion, kind } = data as { formatVersion?: unknown; kind?: unknown };
  if (kind !== KIND) {
    return {
      ok: false,
      errors: [
        {
          path: 'kind',
          message:
            'agreement' in data
              ? 'This looks like a model file, not a settings file: import it under “Model file”.'
              : `Not a Social Prescribing Pad settings file (kind must be "${KIND}").`,
        },
      ],
    };
  }
  if (typeof formatVersion === 'number' && formatVersion > SETTINGS_FORMAT_VERSION) {
    return {
      ok: false,
      errors: [
        {
          path: 'formatVersion',
          message: `This file is settings format version ${formatVersion}, written by a newer Social Prescribing Pad; this one reads up to version ${SETTINGS_FORMAT_VERSION}. Update the extension to open it.`,
        },
      ],
    };
  }
  // A file written before model format 2 holds version 1 models: read them as they are brought forward.
  const upgraded = 'settings' in data ? { ...data, settings: upgradeSettingsModels(data.settings) } : data;
  const parsed = settingsFileSchema.safeParse(upgraded);
  if (parsed.success) return { ok: true, file: parsed.data };
  const errors = located(parsed.error.issues, upgraded).map((error) =>
    error.path === 'formatVersion'
      ? { ...error, message: error.message.replace('model file', 'settings file') }
      : error,
  );
  return { ok: false, errors };
}

/**
 * The settings an imported file gives, over the current ones. Without a token in the file, the current token is kept
 * when the endpoint is unchanged (a token belongs to one queue); with a new endpoint and no token, the queue is unset
 * until the champion enters the token, rather than sending this practice's token to another queue.
 */
export function settingsFromFile(file: SettingsFile, current: Settings): Settings {
  const { queue, ...rest } = file.settings;
  const token = queue?.token ?? (queue && current.queue?.endpoint === queue.endpoint ? current.queue.token : undefined);
  return settingsSchema.parse({ ...rest, ...(queue && token ? { queue: { endpoint: queue.endpoint, token } } : {}) });
}
