import '../../components/pad/pad.css';
import { startPad } from '../../components/pad/start';
import { BOUNDARIED_VCSE_MODEL } from '../../lib/model/examples';

const root = document.getElementById('app');
// The same pad as the browser's side panel (Chrome, Edge) or sidebar (Firefox), following the active tab.
const demoModel = import.meta.env.WXT_SEED_DEMO_MODEL === 'true' ? BOUNDARIED_VCSE_MODEL : undefined;
if (root) void startPad(root, { mode: 'side-panel', demoModel });
