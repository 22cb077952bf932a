import demoSettings from '../../demo/demo-settings.json';
import { BOUNDARIED_VCSE_MODEL } from '../model/examples';
import type { DemoSettings } from './demo-seed';

/** The demo build's settings (`npm start`): the boundaried example and the queue `npm start` runs on this machine. */
export const DEMO_SETTINGS: DemoSettings = {
  model: BOUNDARIED_VCSE_MODEL,
  queue: demoSettings.queue,
  odsCode: demoSettings.practice.odsCode,
};
