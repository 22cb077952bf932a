import '../../app/pad/pad.css';
import { startPad } from '../../app/pad/start';

const root = document.getElementById('app');
// The demo build (npm start) seeds the example model and the local queue when none is set; other builds never do.
// Imported only in that build, so other builds carry neither the demo token nor the demo settings.
const demo =
  import.meta.env.WXT_SEED_DEMO_MODEL === 'true'
    ? (await import('../../domain/settings/demo')).DEMO_SETTINGS
    : undefined;
if (root) void startPad(root, { mode: 'framed', demo });
