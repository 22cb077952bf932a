import '../../components/pad/pad.css';
import { startPad } from '../../components/pad/start';
import { BOUNDARIED_VCSE_MODEL } from '../../lib/model/examples';

const root = document.getElementById('app');
// The demo build (npm start) seeds the boundaried example model when none is set; other builds never do.
if (root)
  void startPad(root, {
    demoModel: import.meta.env.WXT_SEED_DEMO_MODEL === 'true' ? BOUNDARIED_VCSE_MODEL : undefined,
  });
