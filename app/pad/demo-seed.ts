import type { DemoSettings } from '../../domain/settings/demo';
import { loadReferrer, rememberReferrer } from '../shared/storage/referrer';
import { loadSettings, saveSettings } from '../shared/storage/settings';

/**
 * For the demo build only (`WXT_SEED_DEMO_MODEL=true`, set by `npm start`): until a practice champion sets them, the
 * demo uses an example model, the local queue and the demo practice's ODS code (the token is scoped to that practice).
 * It never replaces anything already set, and a normal build never calls it.
 */
export async function seedDemo(demo: DemoSettings): Promise<void> {
  const settings = await loadSettings();
  if (!settings.model || !settings.queue) {
    await saveSettings({ model: settings.model ?? demo.model, queue: settings.queue ?? demo.queue });
  }
  const referrer = await loadReferrer();
  if (!referrer.odsCode) await rememberReferrer({ ...referrer, odsCode: demo.odsCode });
}
