import { computed, signal } from '@preact/signals';
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
import { restoreContentScripts } from '../shared/content-scripts';
import { saveSettings } from '../shared/storage/settings';

/** A file the champion downloads: its name and text. */
export type Download = { name: string; text: string };

/** The options page's state: the champion's own settings, what policy sets, and the model being edited (unsaved). */
export function createOptionsState(initial: { local: Settings; managed: Managed }) {
  const local = signal(initial.local);
  const managed = signal(initial.managed);
  const locked = computed(() => new Set<LockedSetting>(lockedSettings(managed.value.values)));
  const inForce = computed(() => applyManaged(local.value, managed.value.values));
  const modelLocked = computed(() => locked.value.has('model'));

  const startModel = inForce.value.model;
  /** The model being edited: a form, or none until a model is set or an example loaded. */
  const form = signal<ModelForm | undefined>(startModel ? toForm(startModel) : undefined);
  const modelErrors = signal<ModelFileError[]>([]);
  const placed = computed(() => placeErrors(modelErrors.value));
  /** What the last save or import did, said plainly. */
  const modelNotice = signal<string | undefined>(undefined);
  /** A model file or settings file that was refused: what was wrong, so nothing was changed. */
  const importErrors = signal<{ what: string; errors: ModelFileError[] } | undefined>(undefined);
  const importNotice = signal<string | undefined>(undefined);

  /** The edited model when it is valid: "Try a referral" checks against this, saved or not. */
  const editedModel = computed<ServiceModel | undefined>(() => {
    if (!form.value) return undefined;
    const result = fromForm(form.value);
    return result.ok ? result.model : undefined;
  });
  const review = computed(() => {
    const model = inForce.value.model;
    return model ? reviewState(model, ukDate(Date.now())) : undefined;
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
    loadStartingPoint(read.model, `The model file “${name}”`);
    importNotice.value = `“${name}” is in the editor. Check it, then choose “Save model” to use it.`;
  }

  async function importSettingsFile(name: string, text: string): Promise<void> {
    const read = readSettingsFile(text);
    if (!accepted(`The settings file “${name}”`, read)) return;
    const next = settingsFromFile(read.file, local.value);
    // The imported model is a new version here too, so the history says where it came from.
    const version = next.model ? nextVersion(local.value.model, next.model, new Date().toISOString()) : undefined;
    local.value = await saveSettings({
      ...next,
      ...(version
        ? {
            model: version.model,
            modelHistory: withEntry(local.value.modelHistory, {
              ...version.entry,
              changes: [`Imported from the settings file “${name}”.`, ...version.entry.changes],
            }),
          }
        : { model: local.value.model, modelHistory: local.value.modelHistory }),
    });
    // The adapters in force (a policy's win over the champion's): registering only the champion's would drop the policy's.
    const unregistered = await restoreContentScripts();
    const model = applyManaged(local.value, managed.value.values).model;
    form.value = model ? toForm(model) : undefined;
    importNotice.value = `Settings imported from “${name}”.${
      read.file.settings.queue && !read.file.settings.queue.token
        ? ' The file has no practice token: enter it under “Queue” if the endpoint is new.'
        : ''
    }${
      unregistered.length
        ? ` The pad cannot yet run on the pages of ${unregistered.join('; ')}: edit each of these adapters and save it to give the browser's permission.`
        : ''
    }`;
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

  /** Saves the adapters and registers the pad's content script for those in force; gives any the browser would not register. */
  async function saveAdapters(adapters: Adapter[]): Promise<string[]> {
    local.value = await saveSettings({ adapters });
    return restoreContentScripts();
  }

  async function saveQueue(queue: Settings['queue'], retentionDays: number): Promise<void> {
    local.value = await saveSettings({ queue, retentionDays });
  }

  function policyChanged(next: Managed): void {
    managed.value = next;
    if (modelLocked.value && inForce.value.model) form.value = toForm(inForce.value.model);
  }

  return {
    local,
    managed,
    locked,
    inForce,
    modelLocked,
    form,
    modelErrors,
    placed,
    modelNotice,
    importErrors,
    importNotice,
    editedModel,
    review,
    setField,
    loadStartingPoint,
    saveModel,
    importModelFile,
    importSettingsFile,
    exportModel,
    exportSettings,
    saveAdapters,
    saveQueue,
    policyChanged,
  };
}

export type OptionsState = ReturnType<typeof createOptionsState>;
