// `npm start`: runs the product locally after `wxt build`. Each part starts in its own function.
import { startDemoPractice } from './demo-practice.mjs';
import { startQueue } from './start-queue.mjs';

const queue = await startQueue();
const demo = await startDemoPractice({ port: Number(process.env.DEMO_PORT ?? 5173) });
console.log(`Demo practice system: ${demo.url} (another supplier's page: ${demo.url}other-system/)`);
console.log('Load the extension from .output/chrome-mv3 (chrome://extensions, Developer mode, Load unpacked).');

const stop = async () => {
  await demo.close();
  await queue.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
