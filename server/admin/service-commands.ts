import { parseJsonFile, readModelFile } from '../../domain/model/model-file';
import { partySchema } from '../../domain/service/agreement';
import { serviceFromOruk, serviceToOruk } from '../../domain/service/oruk';
import { serviceSchema } from '../../domain/service/service';
import type { Db } from '../store/db';
import { addService, agreeAsBothSides, getService, setCapacity, updateService } from '../store/services';
import type { Command } from './commands';
import { UsageError } from './commands';

export const SERVICE_COMMANDS = ['add-service', 'import-service', 'export-service', 'agree-model'] as const;
type ServiceCommand = (typeof SERVICE_COMMANDS)[number];

function located(problems: { path: string; message: string }[]): string {
  return problems.map((problem) => `  ${problem.path}: ${problem.message}`).join('\n');
}

/** "Name, role, organisation" (the organisation may hold commas). */
function party(text: string | undefined, option: string) {
  const [name, role, ...organisation] = (text ?? '').split(',').map((part) => part.trim());
  const parsed = partySchema.safeParse({ name, role, organisation: organisation.join(', ') });
  if (!parsed.success) throw new UsageError(`${option} is "Name, role, organisation".`);
  return parsed.data;
}

/** Adds the service, or replaces an imported one's details and capacity (a directory's newer copy). */
async function addOrReplace(db: Db, service: ReturnType<typeof serviceSchema.parse>): Promise<string> {
  const now = new Date();
  if (!(await getService(db, service.id))) {
    await addService(db, service, now);
    return `Added service ${service.id}.`;
  }
  const { id, capacity, ...details } = service;
  await updateService(db, id, details, now);
  await setCapacity(db, id, capacity, now);
  return `Updated service ${id}.`;
}

/** The commands for services: their details from a file (ours or ORUK), an ORUK export, an agreement made on paper. */
export async function runServiceCommand(
  db: Db,
  command: ServiceCommand,
  args: string[],
  options: Omit<Command, 'command' | 'args'>,
): Promise<string> {
  switch (command) {
    case 'add-service': {
      const file = parseJsonFile(options.text ?? '');
      if (!file.ok) throw new UsageError(`Usage: add-service <service.json>\n${located(file.errors)}`);
      const parsed = serviceSchema.safeParse(file.data);
      if (!parsed.success)
        throw new UsageError(
          `The service file is not right:\n${located(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })))}`,
        );
      return addOrReplace(db, parsed.data);
    }
    case 'import-service': {
      const file = parseJsonFile(options.text ?? '');
      if (!file.ok) throw new UsageError(`Usage: import-service <oruk-service.json>\n${located(file.errors)}`);
      const read = serviceFromOruk(file.data);
      if (!read.ok) throw new UsageError(`The ORUK service cannot be imported:\n${located(read.problems)}`);
      return addOrReplace(db, read.service);
    }
    case 'export-service': {
      const service = args[0] ? await getService(db, args[0]) : undefined;
      if (!service) throw new UsageError(args[0] ? `No service ${args[0]}.` : 'Usage: export-service <service id>');
      return JSON.stringify(serviceToOruk(service), null, 2);
    }
    case 'agree-model': {
      const [serviceId, practice] = args;
      const model = readModelFile(options.text ?? '');
      if (!serviceId || !practice || !model.ok)
        throw new UsageError(
          `Usage: agree-model <service id> <ODS code> <model.json> --practice-party "Name, role, organisation" --service-party "Name, role, organisation"${model.ok ? '' : `\n${located(model.errors)}`}`,
        );
      const by = {
        practice: party(options.practiceParty, '--practice-party'),
        service: party(options.serviceParty, '--service-party'),
      };
      const agreed = await agreeAsBothSides(
        db,
        { serviceId, practice: practice.toUpperCase(), model: model.model, by },
        new Date(),
      );
      return `Agreed version ${agreed.version} of ${serviceId}'s model with ${agreed.practice}.`;
    }
  }
}
