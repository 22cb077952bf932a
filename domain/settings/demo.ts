import demoSettings from '../../demo/demo-settings.json';
import { BOUNDARIED_VCSE_MODEL } from '../model/examples';
import type { ServiceModel } from '../model/model';
import type { QueueSettings } from './settings';

/**
 * What `npm start` runs against: an example model, the local queue with the demo practice's token, its ODS code, and
 * counts from the point of referral shared with the service.
 */
export type DemoSettings = { model: ServiceModel; queue: QueueSettings; odsCode: string; shareCounts: boolean };

/** The demo build's settings (`npm start`): the boundaried example and the queue `npm start` runs on this machine. */
export const DEMO_SETTINGS: DemoSettings = {
  model: BOUNDARIED_VCSE_MODEL,
  queue: demoSettings.queue,
  odsCode: demoSettings.practice.odsCode,
  shareCounts: true,
};
