import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { ServiceModel } from '../../domain/model/model';
import type { Party, Proposal } from '../../domain/service/agreement';
import type { DirectoryEntry } from '../../domain/service/directory';
import type { Settings } from '../../domain/settings/settings';
import { ask } from '../shared/messaging/ask';
import {
  type CachedDirectory,
  directoryFor,
  loadCachedDirectory,
  type RememberedChampion,
  rememberChampion,
} from '../shared/storage/directory';
import { type Answered, type ServiceProposals, serviceProposals } from './service-proposals';

/** What an action on one service did, said beside that service. */
export type ServiceNotice = { ok: boolean; message: string };

/**
 * The champion's view of the practice's directory: the copy the background keeps (and refreshes), this practice's
 * proposals with each service (read from the queue), and the champion's proposals and answers, sent with the practice
 * token in the champion's name and role (remembered) and the practice's name.
 */
export function createDirectoryState(initial: {
  cached: CachedDirectory;
  champion: RememberedChampion;
  inForce: ReadonlySignal<Settings>;
}) {
  const view = createDirectoryView(initial);
  return { ...view, ...createPracticeAnswers(view, initial.champion) };
}

type DirectoryView = ReturnType<typeof createDirectoryView>;

/** The kept directory for the queue in force, a refresh asked of the background, and the proposals read from the queue. */
function createDirectoryView(initial: { cached: CachedDirectory; inForce: ReadonlySignal<Settings> }) {
  const cached = signal(initial.cached);
  const queue = computed(() => initial.inForce.value.queue);
  const directory = computed(() => directoryFor(cached.value, queue.value?.endpoint));
  const refreshing = signal(false);
  /** Why the last refresh asked for here failed, when the background could not even say so in storage. */
  const refreshProblem = signal<string | undefined>(undefined);
  const proposals = signal<Record<string, Answered<Proposal[]>>>({});

  async function loadProposals(entries: DirectoryEntry[] = directory.value?.entries ?? []): Promise<void> {
    const settings = queue.value;
    if (!settings) return;
    const client = serviceProposals(settings);
    const read = await Promise.all(
      entries.map(async (entry) => [entry.service.id, await client.list(entry.service.id)]),
    );
    proposals.value = Object.fromEntries(read);
  }

  async function refresh(): Promise<void> {
    refreshing.value = true;
    const answer = await ask('directory:refresh', {});
    refreshProblem.value = answer ? undefined : 'The extension’s background did not answer.';
    cached.value = await loadCachedDirectory();
    refreshing.value = false;
    await loadProposals();
  }

  return { cached, queue, directory, refreshing, refreshProblem, proposals, loadProposals, refresh };
}

/** The practice's side: a proposal to a service, and an answer to one the service made, in the champion's name. */
function createPracticeAnswers(view: DirectoryView, remembered: RememberedChampion) {
  const champion = signal(remembered);
  const championMissing = signal(false);
  /** What the champion's last answer to a service's proposal did, by service. */
  const notices = signal<Record<string, ServiceNotice>>({});
  /** What the champion's last proposal to a service did, by service (said beside the editor). */
  const proposed = signal<Record<string, ServiceNotice>>({});
  type Notices = typeof notices;
  const tell = (where: Notices, serviceId: string, notice: ServiceNotice) => {
    where.value = { ...where.value, [serviceId]: notice };
  };

  /** The champion as a party to an agreement, or undefined (and the fields called out) when a name or role is missing. */
  function championParty(): Party | undefined {
    const { name = '', role = '' } = champion.value;
    const organisation = view.cached.value.refresh?.practice?.name;
    championMissing.value = !name.trim() || !role.trim();
    if (championMissing.value || !organisation) return undefined;
    return { name: name.trim(), role: role.trim(), organisation };
  }

  /** Runs one of the practice's actions on a service, then reads the service's proposals again. */
  async function act<T>(
    where: Notices,
    serviceId: string,
    send: (client: ServiceProposals, party: Party) => Promise<Answered<T>>,
    said: (value: T) => string,
  ): Promise<boolean> {
    const party = championParty();
    const queue = view.queue.value;
    if (!party || !queue) {
      tell(where, serviceId, { ok: false, message: missingParty(championMissing.value) });
      return false;
    }
    await rememberChampion(champion.value);
    const answer = await send(serviceProposals(queue), party);
    tell(where, serviceId, answer.ok ? { ok: true, message: said(answer.value) } : answer);
    await view.loadProposals();
    return answer.ok;
  }

  const nameOf = (serviceId: string) =>
    view.directory.value?.entries.find((entry) => entry.service.id === serviceId)?.service.name ?? serviceId;

  const propose = (serviceId: string, model: ServiceModel) =>
    act(
      proposed,
      serviceId,
      (client, party) => client.propose(serviceId, model, party),
      (proposal) =>
        `Proposed to ${nameOf(serviceId)} as version ${proposal.version}. The service agrees it or sends it back; until then the agreed version stays in force.`,
    );

  const agree = async (serviceId: string, proposalId: string) => {
    const agreed = await act(
      notices,
      serviceId,
      (client, party) => client.agree(serviceId, proposalId, party),
      (model) => `Agreed: version ${model.version} is in force with ${nameOf(serviceId)}.`,
    );
    if (agreed) await view.refresh();
  };

  const sendBack = (serviceId: string, proposalId: string, comment: string) =>
    act(
      notices,
      serviceId,
      (client, party) => client.sendBack(serviceId, proposalId, comment, party),
      (proposal) => `Version ${proposal.version} sent back to ${nameOf(serviceId)} with your comment.`,
    );

  return { champion, championMissing, notices, proposed, propose, agree, sendBack };
}

export type DirectoryState = ReturnType<typeof createDirectoryState>;

function missingParty(championMissing: boolean): string {
  return championMissing
    ? 'Give your name and role (under “The practice’s directory”): the service sees who proposed or agreed it.'
    : 'The practice’s name is not known yet: refresh the directory (the queue says which practice the token is for).';
}
