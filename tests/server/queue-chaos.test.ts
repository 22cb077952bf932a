import { describe, expect, it } from 'vitest';
import { referralSchema } from '../../domain/referral';
import { openDb } from '../../server/store/open';
import { addPractice, issueToken } from '../../server/store/practices';
import { minimalReferral } from '../../test-support/fixtures/referrals';
import { cli, command, kill, scratchDataDir, serve } from '../../test-support/queue/command-line';
import { send } from '../../test-support/queue/queue';
import { seedServices } from '../../test-support/queue/services';

const ROUNDS = 3;
const SENDERS = 2;

function post(url: string, token: string): Promise<{ id: string; status: number }> {
  const referral = referralSchema.parse({
    ...minimalReferral,
    id: crypto.randomUUID(),
    createdAt: new Date().toISOString(),
    referrer: { ...minimalReferral.referrer, odsCode: 'L81001' },
    // Version 2 of "open" is agreed with L81001 in the tests' seeded services (test-support/queue/services.ts).
    verdict: { ...minimalReferral.verdict, modelVersion: 2 },
  });
  return send({ url }, referral, token).then((response) => ({ id: referral.id, status: response.status }));
}

/** Practices sending until the service is killed under them: the ids it acknowledged (200 or 201). */
function sendUntilKilled(url: string, token: string, acknowledged: Set<string>): Promise<unknown> {
  const sender = async () => {
    for (;;) {
      const sent = await post(url, token).catch(() => undefined);
      if (!sent) return;
      if (sent.status === 200 || sent.status === 201) acknowledged.add(sent.id);
    }
  };
  return Promise.all(Array.from({ length: SENDERS }, sender));
}

/** The acknowledged referrals whose Task the practice cannot read, each with the status it got instead. */
async function missing(url: string, token: string, acknowledged: Set<string>): Promise<string[]> {
  const lost: string[] = [];
  for (const id of acknowledged) {
    const response = await fetch(`${url}/fhir/Task/${id}`, { headers: { Authorization: `Bearer ${token}` } });
    if (response.status !== 200) lost.push(`${response.status} ${id}`);
  }
  return lost;
}

/**
 * A command as an operator types it on the service's machine: plainly first; where the service refuses it and says
 * how to reach it instead, again that way. Gives what it printed in the end and whether it was refused.
 */
async function operatorRuns(args: string[], env: Record<string, string>) {
  const plain = await command(args, env);
  const via = /--via (http:\/\/\S+?)`/.exec(plain.stderr)?.[1];
  if (plain.code === 0 || !via) return { refusedPlainly: false, refusal: plain.stderr, stdout: plain.stdout };
  return { refusedPlainly: true, refusal: plain.stderr, stdout: await cli([...args, '--via', via], env) };
}

const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? '';

describe('the embedded queue, killed (SIGKILL) and started again while it takes referrals and commands run', () => {
  const scratch = scratchDataDir('queue-chaos-');
  const { dir } = scratch;
  const env = { QUEUE_DATA_DIR: dir, QUEUE_RATE_LIMIT_PER_MINUTE: '0', QUEUE_READERS: '0' };

  it('opens after every kill with every referral it acknowledged, and commands take effect at once', {
    timeout: 480_000,
  }, async () => {
    const seed = await openDb({ dataDir: dir });
    for (const [odsCode, name] of [
      ['L81001', 'Riverside Surgery'],
      ['Y02345', 'Hillside Health Centre'],
      ['M85001', 'Canal Street Practice'],
    ] as const)
      await addPractice(seed, { odsCode, name });
    await seedServices(seed);
    const { token } = await issueToken(seed, 'L81001');
    const first = await issueToken(seed, 'L81001');
    await seed.close();
    let spare = `Token ${first.id} for L81001.\n${first.token}`;
    const acknowledged = new Set<string>();
    const commands: { refusedPlainly: boolean; refusal: string }[] = [];
    const answers: { revoked: number; issued: number }[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const running = await serve(env);
      scratch.serving = running;
      expect(await missing(running.url, token, acknowledged), `lost after kill ${round}`).toEqual([]);
      if (round === ROUNDS) break;
      const sending = sendUntilKilled(running.url, token, acknowledged);

      // While referrals arrive: the last spare token revoked, the next one issued.
      const [, id] = /^Token ([0-9a-f]+) for L81001/.exec(spare) ?? [];
      const [revoked, issued] = await Promise.all([
        operatorRuns(['revoke-token', id ?? 'none'], env),
        operatorRuns(['issue-token', 'L81001', '--label', `spare ${round}`], env),
      ]);
      answers.push({
        revoked: (await post(running.url, lastLine(spare))).status,
        issued: (await post(running.url, lastLine(issued.stdout))).status,
      });
      commands.push(revoked, issued);
      spare = issued.stdout;

      await kill(running);
      scratch.serving = undefined;
      await sending;
    }
    expect(acknowledged.size).toBeGreaterThan(0);
    for (const { refusedPlainly, refusal } of commands) {
      expect(refusedPlainly, refusal).toBe(true);
      expect(refusal).toMatch(/^The queue is running on this data directory \(pid \d+\)/);
    }
    expect(answers).toEqual(Array(ROUNDS).fill({ revoked: 401, issued: 200 }));
  });
});
