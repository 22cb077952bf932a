import type { DemoSettings } from '../../domain/settings/demo';
import { loadReferrer, rememberReferrer } from '../shared/storage/referrer';
import { loadSettings, saveSettings } from '../shared/storage/settings';

/**
 * For the demo build only (`WXT_SEED_DEMO_MODEL=true`, set by `npm start`): until a practice champion sets them, the
 * demo uses an example model, the local queue and the demo practice's ODS code (the token is scoped to that practice),
 * and shares counts from the point of referral. It never replaces anything already set (a champion who turned the
 * counts off keeps them off), and a normal build never calls it.
 */
export async function seedDemo(demo: DemoSettings): Promise<void> {
  const settings = await loadSettings();
  if (!settings.model || !settings.queue || settings.shareCounts === undefined) {
    await saveSettings({
      model: settings.model ?? demo.model,
      queue: settings.queue ?? demo.queue,
      shareCounts: settings.shareCounts ?? demo.shareCounts,
    });
  }
  const referrer = await loadReferrer();
  if (!referrer.odsCode) await rememberReferrer({ ...referrer, odsCode: demo.odsCode });
}
