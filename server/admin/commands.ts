import { z } from 'zod';
import { odsCodeSchema } from '../../domain/referral';
import { newPassword } from '../auth/passwords';
import type { Db } from '../store/db';
import { addLinkWorker, disableLinkWorker } from '../store/link-workers';
import { addPractice, issueToken, listTokens, revokeToken } from '../store/practices';
import { getService } from '../store/services';
import { runServiceCommand, SERVICE_COMMANDS } from './service-commands';

/** An operator's command, as typed (server/main.ts) or sent to the running service (server/admin/routes.ts). */
export const commandSchema = z.strictObject({
  command: z.enum([
    'add-practice',
    'issue-token',
    'revoke-token',
    'list-tokens',
    'add-link-worker',
    'disable-link-worker',
    ...SERVICE_COMMANDS,
  ]),
  args: z.array(z.string()),
  label: z.string().optional(),
  expiresDays: z.string().optional(),
  /** add-link-worker: the password given on standard input; empty, one is made and shown. */
  password: z.string().optional(),
  /** add-link-worker: the account may also read the audit. */
  administrator: z.boolean().optional(),
  /** add-link-worker: the service the account belongs to, and whether it leads it. */
  service: z.string().optional(),
  serviceLead: z.boolean().optional(),
  /** add-link-worker: the account reads the service's reports and nothing else (no referral, no inbox). */
  commissioner: z.boolean().optional(),
  /** add-service, import-service, agree-model: the file's text, read where the command is typed. */
  text: z.string().optional(),
  /** agree-model: who agreed for each side, "Name, role, organisation". */
  practiceParty: z.string().optional(),
  serviceParty: z.string().optional(),
});
export type Command = z.output<typeof commandSchema>;

/** A command used wrongly: said to the operator as it is, nothing done. */
export class UsageError extends Error {}

/** Runs a command on the database and gives what to print. */
export async function runCommand(db: Db, { command, args, ...options }: Command): Promise<string> {
  switch (command) {
    case 'add-practice': {
      const [ods, ...name] = args;
      const code = odsCodeSchema.safeParse(ods ?? '');
      if (!code.success || name.length === 0) throw new UsageError('Usage: add-practice <ODS code> <name>');
      await addPractice(db, { odsCode: code.data, name: name.join(' ') });
      return `Added practice ${code.data}.`;
    }
    case 'issue-token': {
      const code = odsCodeSchema.safeParse(args[0] ?? '');
      if (!code.success) throw new UsageError('Usage: issue-token <ODS code> [--label text] [--expires-days n]');
      const days = options.expiresDays ? Number(options.expiresDays) : undefined;
      if (days !== undefined && !(days > 0)) throw new UsageError('--expires-days is a positive number.');
      const issued = await issueToken(db, code.data, {
        ...(options.label ? { label: options.label } : {}),
        ...(days ? { expiresAt: new Date(Date.now() + days * 86_400_000) } : {}),
      });
      return [
        `Token ${issued.id} for ${issued.odsCode}${issued.expiresAt ? `, expires ${issued.expiresAt}` : ''}.`,
        'Give it to the practice champion now: it is not shown again.',
        issued.token,
      ].join('\n');
    }
    case 'revoke-token': {
      if (!args[0]) throw new UsageError('Usage: revoke-token <token id>');
      return (await revokeToken(db, args[0], new Date())) ? `Revoked ${args[0]}.` : `No live token ${args[0]}.`;
    }
    case 'list-tokens':
      return (await listTokens(db))
        .map((token) =>
          [
            token.id,
            token.odsCode,
            token.label,
            token.createdAt,
            token.expiresAt ?? '-',
            token.revokedAt ? 'revoked' : 'live',
          ].join('\t'),
        )
        .join('\n');
    case 'add-link-worker': {
      const [username, ...name] = args;
      if (!username || !/^[a-z0-9._-]{2,64}$/.test(username) || name.length === 0)
        throw new UsageError('Usage: add-link-worker <username: lower-case letters, digits . _ -> <display name>');
      const password = options.password || newPassword();
      if (password.length < 12) throw new UsageError('A password has at least 12 characters.');
      if (options.serviceLead && !options.service) throw new UsageError('--service-lead needs --service <service id>.');
      if (options.commissioner && (!options.service || options.serviceLead))
        throw new UsageError('--commissioner needs --service <service id>, and is not a service lead.');
      if (options.service && !(await getService(db, options.service)))
        throw new UsageError(`No service ${options.service}: add it first (add-service).`);
      await addLinkWorker(db, {
        username,
        displayName: name.join(' '),
        password,
        administrator: options.administrator ?? false,
        ...(options.service ? { serviceId: options.service } : {}),
        role: options.commissioner ? 'commissioner' : options.serviceLead ? 'service-lead' : 'link-worker',
      });
      const what = options.commissioner ? 'commissioner' : options.serviceLead ? 'service lead' : 'link worker';
      const where = options.service ? ` of ${options.service}` : '';
      return `Added ${what} ${username}${where}.${options.password ? '' : ` Password (shown once): ${password}`}`;
    }
    case 'disable-link-worker': {
      if (!args[0]) throw new UsageError('Usage: disable-link-worker <username>');
      const disabled = await disableLinkWorker(db, args[0], new Date());
      return disabled ? `Disabled ${args[0]}; their sessions have ended.` : `No enabled link worker ${args[0]}.`;
    }
    default:
      return runServiceCommand(db, command, args, options);
  }
}
