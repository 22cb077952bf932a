import { z } from 'zod';
import { modelChanges } from './diff';
import { type ServiceModel, serviceModelSchema } from './model';

/** One saved version of the model: which, when, what changed from the one before, and the model as saved. */
export const modelHistoryEntrySchema = z.strictObject({
  version: z.number().int().positive(),
  savedAt: z.iso.datetime({ offset: true }),
  changes: z.array(z.string()),
  model: serviceModelSchema,
});
export type ModelHistoryEntry = z.output<typeof modelHistoryEntrySchema>;

/** Versions kept to look back at; the oldest go first when there are more. */
export const MAX_HISTORY = 50;

export type NewVersion = { model: ServiceModel; entry: ModelHistoryEntry };

/**
 * The next version of a model from what the champion edited: version one more than both the saved model's and the
 * edited one's (an imported file may carry a higher number), with when and what changed. Nothing changed → undefined,
 * so that saving twice does not make an empty version.
 */
export function nextVersion(
  saved: ServiceModel | undefined,
  edited: ServiceModel,
  savedAt: string,
): NewVersion | undefined {
  const changes = modelChanges(saved, edited);
  if (saved && changes.length === 0) return undefined;
  const version = Math.max(saved?.version ?? 0, edited.version) + (saved ? 1 : 0);
  const model = { ...edited, version };
  return { model, entry: { version, savedAt, changes, model } };
}

/** The history with a new entry, newest first, at most MAX_HISTORY entries. */
export function withEntry(history: readonly ModelHistoryEntry[], entry: ModelHistoryEntry): ModelHistoryEntry[] {
  return [entry, ...history].slice(0, MAX_HISTORY);
}
