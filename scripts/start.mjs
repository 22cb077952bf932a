// `npm start`: runs the product locally after `wxt build`. Each part starts in its own function.
import { startQueue } from './start-queue.mjs';

const queue = await startQueue();

const stop = async () => {
  await queue.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
