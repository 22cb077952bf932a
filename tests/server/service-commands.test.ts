import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../server/admin/commands';
import { readDemoService } from '../../server/demo-service';
import type { Db } from '../../server/store/db';
import { openDb } from '../../server/store/open';
import { addPractice } from '../../server/store/practices';
import { agreementsInForce, getService, setCapacity } from '../../server/store/services';

let first: Db;
beforeAll(async () => {
  first = await openDb({ dataDir: 'memory' });
});
afterAll(async () => {
  await first?.close();
});

describe('the operator’s commands for services', () => {
  it('adds a service from its file, exports it as ORUK, and importing that export gives the same service back', async () => {
    const text = readFileSync('demo/demo-service.json', 'utf8');
    expect(await runCommand(first, { command: 'add-service', args: ['demo/demo-service.json'], text })).toBe(
      'Added service kingsmead-connect.',
    );
    const oruk = await runCommand(first, { command: 'export-service', args: ['kingsmead-connect'] });
    expect(JSON.parse(oruk)).toMatchObject({
      id: 'kingsmead-connect',
      status: 'active',
      service_areas: [{ name: 'BS15' }, { name: 'BS16' }, { name: 'BS30' }],
    });
    // Changed since the export: the import puts back what was exported.
    await setCapacity(first, 'kingsmead-connect', { state: 'waiting-list', weeks: 6 }, new Date());
    expect(await runCommand(first, { command: 'import-service', args: ['oruk.json'], text: oruk })).toBe(
      'Updated service kingsmead-connect.',
    );
    expect(await getService(first, 'kingsmead-connect')).toEqual(readDemoService());
  });

  it('records an agreement made outside the queue, and says what is wrong with a bad file or party', async () => {
    await addPractice(first, { odsCode: 'L81001', name: 'Riverside Surgery' });
    const model = readFileSync('domain/model/examples/boundaried-vcse.json', 'utf8');
    const agree = {
      command: 'agree-model' as const,
      args: ['kingsmead-connect', 'l81001', 'model.json'],
      text: model,
      practiceParty: 'Dr Amina Patel, GP partner, Riverside Surgery',
      serviceParty: 'Sam Lee, Service lead, Kingsmead Community Trust, Staple Hill',
    };
    expect(await runCommand(first, agree)).toBe("Agreed version 1 of kingsmead-connect's model with L81001.");
    const [entry] = await agreementsInForce(first, 'L81001');
    expect(entry?.agreement.agreedBy.service.organisation).toBe('Kingsmead Community Trust, Staple Hill');
    await expect(runCommand(first, { ...agree, serviceParty: 'Sam Lee' })).rejects.toThrow(
      '--service-party is "Name, role, organisation".',
    );
    await expect(runCommand(first, { ...agree, text: '{"formatVersion": 1}' })).rejects.toThrow(
      /Usage: agree-model[\s\S]*id: /,
    );
    await expect(runCommand(first, { command: 'import-service', args: ['x'], text: '{"id":"x"}' })).rejects.toThrow(
      /cannot be imported:\n {2}name: /,
    );
    await expect(
      runCommand(first, {
        command: 'add-link-worker',
        args: ['sam', 'Sam'],
        password: 'a long enough password',
        service: 'nowhere',
      }),
    ).rejects.toThrow('No service nowhere: add it first (add-service).');
  });
});
