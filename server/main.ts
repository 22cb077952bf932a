/**
 * The queue service's command line. `tsx server/main.ts <command>`:
 *   serve [--port 8787] [--host 127.0.0.1]
 *   add-practice <ODS code> <name>
 *   issue-token <ODS code> [--label text] [--expires-days n]
 *   revoke-token <token id>
 *   list-tokens
 *   add-link-worker <username> <display name> [--administrator]   (the password is read from standard input, or
 *     generated and shown; an administrator may also read the audit)
 *   disable-link-worker <username>   (no more sign-ins; their sessions end now)
 * The database: PostgreSQL when DATABASE_URL is set, else the embedded one in QUEUE_DATA_DIR (default .data/queue).
 * QUEUE_RATE_LIMIT_PER_MINUTE and QUEUE_RATE_LIMIT_BURST set each practice token's limit per process (0 per minute: none).
 * QUEUE_READERS: threads that read referral Bundles beside the request thread (default 1 with two cores or more; 0: none).
 * QUEUE_RETENTION_DAYS: days after a referral's final decision that `serve` removes its identifiable details (default
 * 90; 0: kept). README says why.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { odsCodeSchema } from '../domain/referral';
import { DEFAULT_RATE_LIMIT, service } from './context';
import { DEFAULT_READERS, startReaders } from './fhir/readers';
import { DEFAULT_RETENTION_DAYS, startRetention } from './retention';
import { startServer } from './serve';
import { addLinkWorker, disableLinkWorker } from './store/link-workers';
import { openDb } from './store/open';
import { addPractice, issueToken, listTokens, revokeToken } from './store/practices';

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
    administrator: { type: 'boolean', default: false },
  },
});
const [command, ...args] = positionals;
const db = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.QUEUE_DATA_DIR });

try {
  switch (command) {
    case 'serve': {
      const perMinute = countFromEnv('QUEUE_RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT.perMinute);
      const rateLimit = { perMinute, burst: countFromEnv('QUEUE_RATE_LIMIT_BURST', perMinute) };
      const readers = startReaders(countFromEnv('QUEUE_READERS', DEFAULT_READERS));
      const running = service(db, { rateLimit, read: readers.read });
      const retention = startRetention(running, countFromEnv('QUEUE_RETENTION_DAYS', DEFAULT_RETENTION_DAYS));
      const server = await startServer(running, { port: Number(values.port), hostname: values.host });
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
      await new Promise(() => {});
      break;
    }
    case 'add-practice': {
      const [ods, ...name] = args;
      const code = odsCodeSchema.safeParse(ods ?? '');
      if (!code.success || name.length === 0) fail('Usage: add-practice <ODS code> <name>');
      await addPractice(db, { odsCode: code.data, name: name.join(' ') });
      console.log(`Added practice ${code.data}.`);
      break;
    }
    case 'issue-token': {
      const code = odsCodeSchema.safeParse(args[0] ?? '');
      if (!code.success) fail('Usage: issue-token <ODS code> [--label text] [--expires-days n]');
      const days = values['expires-days'] ? Number(values['expires-days']) : undefined;
      if (days !== undefined && !(days > 0)) fail('--expires-days is a positive number.');
      const issued = await issueToken(db, code.data, {
        ...(values.label ? { label: values.label } : {}),
        ...(days ? { expiresAt: new Date(Date.now() + days * 86_400_000) } : {}),
      });
      console.log(
        `Token ${issued.id} for ${issued.odsCode}${issued.expiresAt ? `, expires ${issued.expiresAt}` : ''}.`,
      );
      console.log('Give it to the practice champion now: it is not shown again.');
      console.log(issued.token);
      break;
    }
    case 'revoke-token': {
      if (!args[0]) fail('Usage: revoke-token <token id>');
      console.log((await revokeToken(db, args[0], new Date())) ? `Revoked ${args[0]}.` : `No live token ${args[0]}.`);
      break;
    }
    case 'list-tokens': {
      for (const token of await listTokens(db))
        console.log(
          [
            token.id,
            token.odsCode,
            token.label,
            token.createdAt,
            token.expiresAt ?? '-',
            token.revokedAt ? 'revoked' : 'live',
          ].join('\t'),
        );
      break;
    }
    case 'add-link-worker': {
      const [username, ...name] = args;
      if (!username || !/^[a-z0-9._-]{2,64}$/.test(username) || name.length === 0)
        fail('Usage: add-link-worker <username: lower-case letters, digits . _ -> <display name>');
      const given = await readStdin();
      const password = given || randomBytes(12).toString('base64url');
      if (password.length < 12) fail('A password has at least 12 characters.');
      await addLinkWorker(db, { username, displayName: name.join(' '), password, administrator: values.administrator });
      console.log(`Added link worker ${username}.${given ? '' : ` Password (shown once): ${password}`}`);
      break;
    }
    case 'disable-link-worker': {
      if (!args[0]) fail('Usage: disable-link-worker <username>');
      const disabled = await disableLinkWorker(db, args[0], new Date());
      console.log(disabled ? `Disabled ${args[0]}; their sessions have ended.` : `No enabled link worker ${args[0]}.`);
      break;
    }
    default:
      fail(
        'Commands: serve, add-practice, issue-token, revoke-token, list-tokens, add-link-worker, disable-link-worker (see server/main.ts).',
      );
  }
} finally {
  if (command !== 'serve') await db.close();
}
