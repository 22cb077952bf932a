import { computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { Adapter } from '../../domain/adapters/adapter';
import { ukDate } from '../../domain/clock/uk-date';
import { nextVersion, withEntry } from '../../domain/model/history';
import type { ServiceModel } from '../../domain/model/model';
import { type ModelFileError, readModelFile, writeModelFile } from '../../domain/model/model-file';
import { reviewState } from '../../domain/model/review';
import { placeErrors } from '../../domain/model-form/field-errors';
import { type ModelForm, toForm } from '../../domain/model-form/form';
import { fromForm } from '../../domain/model-form/from-form';
import { withValueAt } from '../../domain/model-form/paths';
import { applyManaged, type LockedSetting, lockedSettings, type Managed } from '../../domain/settings/managed';
import type { Settings } from '../../domain/settings/settings';
import { readSettingsFile, settingsFromFile, writeSettingsFile } from '../../domain/settings/settings-file';
import { releaseSitesNotNeeded, restoreContentScripts } from '../shared/content-scripts';
import type { CachedDirectory, RememberedChampion } from '../shared/storage/directory';
import { saveSettings } from '../shared/storage/settings';
import { createDirectoryState } from './directory-state';

/** A file the champion downloads: its name and text. */
export type Download = { name: string; text: string };

/**
 * The options page's state: the champion's own settings, what policy sets, the model being edited (unsaved), and the
 * practice's directory of services (absent: none kept yet).
 */
export function createOptionsState(initial: {
  local: Settings;
  managed: Managed;
  cached?: CachedDirectory;
  champion?: RememberedChampion;
}) {
  const local = signal(initial.local);
  const managed = signal(initial.managed);
  const locked = computed(() => new Set<LockedSetting>(lockedSettings(managed.value.values)));
  const inForce = computed(() => applyManaged(local.value, managed.value.values));
  const modelLocked = computed(() => locked.value.has('model'));
  const settings: SettingsSignals = { local, managed, inForce, modelLocked };
  const editor = createModelEditor(settings);
  const files = createFileTransfer(settings, editor);
  const directory = createDirectoryState({ cached: initial.cached ?? {}, champion: initial.champion ?? {}, inForce });

  const review = computed(() => {
    const model = inForce.value.model;
    return model ? reviewState(model, ukDate(Date.now())) : undefined;
  });

  /** Saves the adapters and registers the pad's content script for those in force; gives any the browser would not register. */
  async function saveAdapters(adapters: Adapter[]): Promise<string[]> {
    local.value = await saveSettings({ adapters });
    const unregistered = await restoreContentScripts();
    // A removed adapter's site is given back (and any allowed for a trial never saved).
    await releaseSitesNotNeeded();
    return unregistered;
  }

  async function saveQueue(
    queue: Settings['queue'],
    retentionDays: number,
    notDeliveredAfterMinutes: number,
  ): Promise<void> {
    local.value = await saveSettings({ queue, retentionDays, notDeliveredAfterMinutes });
    // The directory comes from the queue: fetched again from the one just saved.
    if (queue) void directory.refresh();
  }

  /** Turns sharing counts from the point of referral on or off (settings: shareCounts). */
  async function saveShareCounts(shareCounts: boolean): Promise<void> {
    local.value = await saveSettings({ shareCounts });
  }

  function policyChanged(next: Managed): void {
    managed.value = next;
    if (modelLocked.value && inForce.value.model) editor.form.value = toForm(inForce.value.model);
  }

  return {
    local,
    managed,
    locked,
    inForce,
    modelLocked,
    ...editor,
    ...files,
    review,
    directory,
    saveAdapters,
    saveQueue,
    saveShareCounts,
    policyChanged,
  };
}

export type OptionsState = ReturnType<typeof createOptionsState>;

/** The settings the editor and the files read and save: the champion's own, policy's, and what is in force. */
type SettingsSignals = {
  local: Signal<Settings>;
  managed: Signal<Managed>;
  inForce: ReadonlySignal<Settings>;
  modelLocked: ReadonlySignal<boolean>;
};

type ModelEditor = ReturnType<typeof createModelEditor>;

/** The model being edited: a form, or none until a model is set or an example loaded; saved as a new version. */
function createModelEditor({ local, inForce, modelLocked }: SettingsSignals) {
  const startModel = inForce.value.model;
  const form = signal<ModelForm | undefined>(startModel ? toForm(startModel) : undefined);
  const modelErrors = signal<ModelFileError[]>([]);
  const placed = computed(() => placeErrors(modelErrors.value));
  /** What the last save or import did, said plainly. */
  const modelNotice = signal<string | undefined>(undefined);

  /** The edited model when it is valid: "Try a referral" checks against this, saved or not. */
  const editedModel = computed<ServiceModel | undefined>(() => {
    if (!form.value) return undefined;
    const result = fromForm(form.value);
    return result.ok ? result.model : undefined;
  });

  function setField(path: string, value: unknown): void {
    if (!form.value || modelLocked.value) return;
    form.value = withValueAt(form.value, path, value);
    modelNotice.value = undefined;
  }

  function loadStartingPoint(model: ServiceModel, what: string): void {
    if (modelLocked.value) return;
    form.value = toForm(model);
    modelErrors.value = [];
    modelNotice.value = `${what} loaded into the editor. Nothing is saved until you choose “Save model”.`;
  }

  async function saveModel(): Promise<boolean> {
    if (!form.value || modelLocked.value) return false;
    const result = fromForm(form.value);
    if (!result.ok) {
      modelErrors.value = result.errors;
      modelNotice.value = undefined;
      return false;
    }
    modelErrors.value = [];
    const next = nextVersion(local.value.model, result.model, new Date().toISOString());
    if (!next) {
      modelNotice.value = 'Nothing has changed since the last save, so no new version was made.';
      return true;
    }
    local.value = await saveSettings({
      model: next.model,
      modelHistory: withEntry(local.value.modelHistory, next.entry),
    });
    form.value = toForm(next.model);
    modelNotice.value = `Saved as version ${next.model.version}. The pad uses it from now on.`;
    return true;
  }

  return { form, modelErrors, placed, modelNotice, editedModel, setField, loadStartingPoint, saveModel };
}

/** Model and settings files: imported (or refused, saying why, with nothing changed) and exported. */
function createFileTransfer({ local, managed, inForce }: SettingsSignals, editor: ModelEditor) {
  /** A model file or settings file that was refused: what was wrong, so nothing was changed. */
  const importErrors = signal<{ what: string; errors: ModelFileError[] } | undefined>(undefined);
  const importNotice = signal<string | undefined>(undefined);

  /** Whether a chosen file was read; if not, what was wrong with it is shown and nothing changes. */
  function accepted<T>(
    what: string,
    read: ({ ok: true } & T) | { ok: false; errors: ModelFileError[] },
  ): read is { ok: true } & T {
    importNotice.value = undefined;
    importErrors.value = read.ok ? undefined : { what, errors: read.errors };
    return read.ok;
  }

  function importModelFile(name: string, text: string): void {
    const read = readModelFile(text);
    if (!accepted(`The model file “${name}”`, read)) return;
    editor.loadStartingPoint(read.model, `The model file “${name}”`);
    importNotice.value = `“${name}” is in the editor. Check it, then choose “Save model” to use it.`;
  }

  async function importSettingsFile(name: string, text: string): Promise<void> {
    const read = readSettingsFile(text);
    if (!accepted(`The settings file “${name}”`, read)) return;
    local.value = await saveSettings(importedSettings(settingsFromFile(read.file, local.value), local.value, name));
    // The adapters in force (a policy's win over the champion's): registering only the champion's would drop the policy's.
    const unregistered = await restoreContentScripts();
    const model = applyManaged(local.value, managed.value.values).model;
    editor.form.value = model ? toForm(model) : undefined;
    importNotice.value = importedNotice(name, fileQueueWithoutToken(read.file.settings.queue), unregistered);
  }

  function exportModel(): Download | undefined {
    const model = inForce.value.model;
    return model ? { name: `${model.id}-v${model.version}.json`, text: writeModelFile(model) } : undefined;
  }

  function exportSettings(includeToken: boolean): Download {
    return {
      name: `social-prescribing-pad-settings-${ukDate(Date.now())}.json`,
      text: writeSettingsFile(local.value, { includeToken, exportedAt: new Date().toISOString() }),
    };
  }

  return { importErrors, importNotice, importModelFile, importSettingsFile, exportModel, exportSettings };
}

/** The settings a file gives, its model a new version here too, so the history says where it came from. */
function importedSettings(next: Partial<Settings>, local: Settings, name: string): Partial<Settings> {
  const version = next.model ? nextVersion(local.model, next.model, new Date().toISOString()) : undefined;
  return {
    ...next,
    ...(version
      ? {
          model: version.model,
          modelHistory: withEntry(local.modelHistory, {
            ...version.entry,
            changes: [`Imported from the settings file “${name}”.`, ...version.entry.changes],
          }),
        }
      : { model: local.model, modelHistory: local.modelHistory }),
  };
}

function fileQueueWithoutToken(queue: { token?: string } | undefined): boolean {
  return queue !== undefined && !queue.token;
}

/** What an import did, and what the champion still has to do. */
function importedNotice(name: string, withoutToken: boolean, unregistered: string[]): string {
  return `Settings imported from “${name}”.${
    withoutToken ? ' The file has no practice token: enter it under “Queue” if the endpoint is new.' : ''
  }${
    unregistered.length
      ? ` The pad cannot yet run on the pages of ${unregistered.join('; ')}: edit each of these adapters and save it to give the browser's permission.`
      : ''
  }`;
}
