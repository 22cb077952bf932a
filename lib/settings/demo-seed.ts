import { loadReferrer, rememberReferrer } from '../drafts/referrer';
import type { ServiceModel } from '../model/model';
import type { QueueSettings } from './settings';
import { loadSettings, saveSettings } from './store';

/** What `npm start` runs against: an example model, the local queue with the demo practice's token, its ODS code. */
export type DemoSettings = { model: ServiceModel; queue: QueueSettings; odsCode: string };

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
