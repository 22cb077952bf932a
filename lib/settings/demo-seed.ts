import type { ServiceModel } from '../model/model';
import { loadSettings, saveSettings } from './store';

/**
 * For the demo build only (`WXT_SEED_DEMO_MODEL=true`, set by `npm start`): until a practice champion sets a model, the
 * demo uses an example one. It never replaces a model that is set, and a normal build never calls it.
 */
export async function seedDemoModel(example: ServiceModel): Promise<void> {
  const settings = await loadSettings();
  if (!settings.model) await saveSettings({ model: example });
}
