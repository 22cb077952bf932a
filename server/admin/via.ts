import { z } from 'zod';
import { ownerOf } from '../store/owner';
import { type Command, UsageError } from './commands';

const answerSchema = z.union([z.object({ output: z.string() }), z.object({ error: z.string() })]);

/**
 * Runs a command on the service serving `dataDir` at `via` (server/admin/routes.ts), with the secret it wrote in the
 * directory's lock: only a user who can read the data directory can send one.
 */
export async function runVia(via: string, dataDir: string, command: Command): Promise<string> {
  const secret = ownerOf(dataDir)?.adminSecret;
  if (!secret) throw new UsageError(`No queue is serving ${dataDir}: run the command without --via.`);
  const response = await fetch(new URL('/admin/command', via), {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(command),
  }).catch(() => undefined);
  if (!response) throw new UsageError(`The queue at ${via} did not answer.`);
  const answer = answerSchema.safeParse(await response.json().catch(() => undefined));
  if (!answer.success) throw new UsageError(`The queue at ${via} answered ${response.status}, not a command's result.`);
  if ('error' in answer.data) throw new UsageError(answer.data.error);
  return answer.data.output;
}
