import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { odsCodeSchema } from '../domain/referral';
import { commandsFor } from './admin/announce';
import { passwordMatches } from './auth/passwords';
import { service } from './context';
import { seedDemoService } from './demo-service';
import { DEFAULT_READERS, startReaders } from './fhir/readers';
import { type RunningServer, startServer } from './serve';
import type { Db } from './store/db';
import { addLinkWorker, linkWorkerCredentials } from './store/link-workers';
import { openDb } from './store/open';
import { addPractice, issueToken, listPractices, practiceForToken } from './store/practices';

const accountSchema = z.strictObject({
  username: z.string().min(2),
  displayName: z.string().min(1),
  password: z.string().min(12),
});

/** The demo's practice, token, link worker and service lead: one file, also read by the extension's demo settings. */
export const demoSettingsSchema = z.strictObject({
  practice: z.strictObject({ odsCode: odsCodeSchema, name: z.string().min(1) }),
  queue: z.strictObject({ endpoint: z.url(), token: z.string().min(20) }),
  linkWorker: accountSchema,
  /** The demo service's lead: its caseload's link workers, its response rule, its agreements and reports. */
  serviceLead: accountSchema,
});
export type DemoSettings = z.output<typeof demoSettingsSchema>;

export function readDemoSettings(): DemoSettings {
  return demoSettingsSchema.parse(
    JSON.parse(readFileSync(new URL('../demo/demo-settings.json', import.meta.url), 'utf8')),
  );
}

/** Where `npm start` keeps its queue: never the directory `serve` uses by default, since the demo's secrets are published. */
export const DEMO_DATA_DIR = '.data/demo-queue';

/**
 * The demo credentials a database accepts: anyone can read them in demo/demo-settings.json, so `serve` refuses a
 * database that holds any (server/main.ts); only `npm start`'s queue, below, runs with them.
 */
export async function demoCredentialsIn(db: Db): Promise<string[]> {
  const { queue, linkWorker, serviceLead } = readDemoSettings();
  const found: string[] = [];
  if (await practiceForToken(db, queue.token, new Date())) found.push('the demo practice token');
  for (const [who, demo] of [
    ['link worker', linkWorker],
    ['service lead', serviceLead],
  ] as const) {
    const account = await linkWorkerCredentials(db, demo.username);
    if (account && (await passwordMatches(account.passwordHash, demo.password)))
      found.push(`the ${who} "${demo.username}" with the demo password`);
  }
  return found;
}

/**
 * The queue for `npm start`: the embedded database in `.data/demo-queue`, seeded (once) with the demo practice, its
 * token, a link worker and a service lead account, served on the demo settings' port.
 */
export async function startDemoQueue(
  options: { dataDir?: string; port?: number } = {},
): Promise<RunningServer & { settings: DemoSettings }> {
  const settings = readDemoSettings();
  const dataDir = options.dataDir ?? DEMO_DATA_DIR;
  const db = await openDb({ dataDir, role: 'serve' });
  const { practice, queue, linkWorker, serviceLead } = settings;
  if (!(await listPractices(db)).some((known) => known.odsCode === practice.odsCode)) await addPractice(db, practice);
  if (!(await practiceForToken(db, queue.token, new Date())))
    await issueToken(db, practice.odsCode, { label: 'demo', token: queue.token });
  const demoService = await seedDemoService(db, practice);
  if (!(await linkWorkerCredentials(db, linkWorker.username)))
    await addLinkWorker(db, { ...linkWorker, serviceId: demoService.id });
  if (!(await linkWorkerCredentials(db, serviceLead.username)))
    await addLinkWorker(db, { ...serviceLead, serviceId: demoService.id, role: 'service-lead' });
  const { hostname, port } = new URL(queue.endpoint);
  const readers = startReaders(DEFAULT_READERS);
  const commands = commandsFor(dataDir);
  const server = await startServer(service(db, { read: readers.read, adminSecret: commands.secret }), {
    hostname,
    port: options.port ?? Number(port),
  });
  commands.announce(server.url);
  return {
    ...server,
    settings,
    close: async () => {
      await server.close();
      await readers.close();
      await db.close();
    },
  };
}
