// The link worker's queue for `npm start`: the service is TypeScript, run in this process through tsx.
import { register } from 'tsx/esm/api';

export async function startQueue() {
  register();
  const { startDemoQueue } = await import('../server/demo.ts');
  const queue = await startDemoQueue();
  const { practice, linkWorker, serviceLead } = queue.settings;
  console.log(`Link worker's queue: ${queue.url}/inbox (the demo's own embedded database in .data/demo-queue)`);
  console.log(`  sign in as "${linkWorker.username}", password "${linkWorker.password}"`);
  console.log(
    `  the service's lead (link workers, response rule, agreements, reports): "${serviceLead.username}", password "${serviceLead.password}"`,
  );
  console.log(`  demo practice ${practice.name} (${practice.odsCode}); its token is in demo/demo-settings.json`);
  return queue;
}
