/**
 * The queue service's command line. `tsx server/main.ts <command>`:
 *   serve [--port 8787] [--host 127.0.0.1]
 *   add-practice <ODS code> <name>
 *   issue-token <ODS code> [--label text] [--expires-days n]
 *   revoke-token <token id>
 *   list-tokens
 *   add-link-worker <username> <display name> [--administrator]   (the password is read from standard input, or
 *     generated and shown; an administrator may also read the audit)
 *     [--service <service id> [--service-lead | --commissioner]]   (an account of one service sees only its
 *     referrals; a commissioner sees only its reports)
 *   disable-link-worker <username>   (no more sign-ins; their sessions end now)
 *   add-service <service.json>   (or, with the same id, replaces its details and capacity)
 *   import-service <oruk-service.json>   /   export-service <service id>   (Open Referral UK JSON)
 *   agree-model <service id> <ODS code> <model.json> --practice-party "Name, role, org" --service-party "Name, role, org"
 *     (a model agreed by both sides outside the queue: the service numbers the version)
 * The database: PostgreSQL when DATABASE_URL is set, else the embedded one in QUEUE_DATA_DIR (default .data/queue),
 * which one process owns at a time: while `serve` runs on it, add `--via <its address>` to a command to run it there.
 * QUEUE_RATE_LIMIT_PER_MINUTE and QUEUE_RATE_LIMIT_BURST set each practice token's limit per process (0 per minute: none).
 * QUEUE_READERS: threads that read referral Bundles beside the request thread (default 1 with two cores or more; 0: none).
 * QUEUE_RETENTION_DAYS: days after a referral's final decision that `serve` removes its identifiable details (default
 * 90; 0: kept). README says why.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { commandsFor } from './admin/announce';
import { type Command, commandSchema, runCommand, UsageError } from './admin/commands';
import { runVia } from './admin/via';
import { DEFAULT_RATE_LIMIT, service } from './context';
import { demoCredentialsIn } from './demo';
import { DEFAULT_READERS, startReaders } from './fhir/readers';
import { DEFAULT_RETENTION_DAYS, startRetention } from './retention';
import { startServer } from './serve';
import { DEFAULT_DATA_DIR, openDb } from './store/open';
import { DataDirInUse } from './store/owner';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** A whole number from the environment, or the default when unset; anything else stops the service at start. */
function countFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    fail(`${name} is a whole number, 0 or more (got ${JSON.stringify(text)}).`);
  return value;
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8787' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    label: { type: 'string' },
    'expires-days': { type: 'string' },
    via: { type: 'string' },
    administrator: { type: 'boolean', default: false },
    service: { type: 'string' },
    'service-lead': { type: 'boolean', default: false },
    commissioner: { type: 'boolean', default: false },
    'practice-party': { type: 'string' },
    'service-party': { type: 'string' },
  },
});
const [command, ...args] = positionals;
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.QUEUE_DATA_DIR || DEFAULT_DATA_DIR;

async function serve(): Promise<void> {
  const perMinute = countFromEnv('QUEUE_RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT.perMinute);
  const rateLimit = { perMinute, burst: countFromEnv('QUEUE_RATE_LIMIT_BURST', perMinute) };
  const db = await openDb({ databaseUrl, dataDir, role: 'serve' });
  const demo = await demoCredentialsIn(db);
  if (demo.length > 0) {
    await db.close();
    fail(
      `This database accepts credentials anyone can read in demo/demo-settings.json: ${demo.join(' and ')}. ` +
        `It holds \`npm start\`'s demo data (kept in .data/demo-queue since): serve another data directory, or move this one there.`,
    );
  }
  const commands = databaseUrl ? undefined : commandsFor(dataDir);
  const readers = startReaders(countFromEnv('QUEUE_READERS', DEFAULT_READERS));
  const running = service(db, { rateLimit, read: readers.read, ...(commands ? { adminSecret: commands.secret } : {}) });
  const retention = startRetention(running, countFromEnv('QUEUE_RETENTION_DAYS', DEFAULT_RETENTION_DAYS));
  const server = await startServer(running, { port: Number(values.port), hostname: values.host });
  commands?.announce(server.url);
  console.log(`queue: listening on ${server.url} (${db.kind === 'postgres' ? 'PostgreSQL' : 'embedded database'})`);
  const stop = async () => {
    await server.close();
    await retention.stop();
    await readers.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The file a command names, read here (where the operator typed it), so that --via carries its text. */
function fileFor(name: string | undefined, commandArgs: string[]): { text?: string } {
  const at = { 'add-service': 0, 'import-service': 0, 'agree-model': 2 }[name ?? ''];
  const path = at === undefined ? undefined : commandArgs[at];
  if (!path) return {};
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    fail(`Cannot read ${path}: ${(error as Error).message}`);
  }
}

/** A one-off command: on the database itself, or with --via on the service that owns the embedded one. */
async function once(request: Command): Promise<string> {
  if (values.via) {
    if (databaseUrl)
      throw new UsageError('--via is for the embedded database; with DATABASE_URL, run the command without it.');
    return runVia(values.via, dataDir, request);
  }
  const db = await openDb({ databaseUrl, dataDir });
  try {
    return await runCommand(db, request);
  } finally {
    await db.close();
  }
}

try {
  if (command === 'serve') await serve();
  else {
    const request = commandSchema.safeParse({
      command,
      args,
      ...(values.label ? { label: values.label } : {}),
      ...(values['expires-days'] ? { expiresDays: values['expires-days'] } : {}),
      ...(command === 'add-link-worker'
        ? {
            password: await readStdin(),
            administrator: values.administrator,
            ...(values.service ? { service: values.service } : {}),
            serviceLead: values['service-lead'],
            commissioner: values.commissioner,
          }
        : {}),
      ...fileFor(command, args),
      ...(values['practice-party'] ? { practiceParty: values['practice-party'] } : {}),
      ...(values['service-party'] ? { serviceParty: values['service-party'] } : {}),
    });
    if (!request.success)
      fail(
        'Commands: serve, add-practice, issue-token, revoke-token, list-tokens, add-link-worker, disable-link-worker, add-service, import-service, export-service, agree-model (see server/main.ts).',
      );
    const output = await once(request.data);
    if (output) console.log(output);
  }
} catch (error) {
  if (error instanceof UsageError || error instanceof DataDirInUse) fail(error.message);
  throw error;
}
