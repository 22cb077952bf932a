// @vitest-environment node
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { refreshDirectory } from '../../app/background/directory/refresh-directory';
import { startDirectory } from '../../app/background/directory/start-directory';
import { directoryFor, isStale, loadCachedDirectory } from '../../app/shared/storage/directory';
import { saveSettings } from '../../app/shared/storage/settings';
import { directoryToBundle } from '../../domain/fhir/directory';
import { BOUNDARIED_VCSE_MODEL, OPEN_PCN_MODEL } from '../../domain/model/examples';
import { riversideDirectory, valleyPcn } from '../../test-support/fixtures/services';
import { addAgreedService, addPracticeWithToken, kingsmeadConnect55 } from '../../test-support/queue/agreed-service';
import { type Queue, startQueue } from '../../test-support/queue/queue';

/** The background's refresh against the real queue over HTTP (PGlite in memory), with the extension's storage faked. */
let queue: Queue;
const champion = { name: 'Dr Amina Patel', role: 'GP partner', organisation: 'Parkside Surgery' };
/** Practices of this file's own: one with two services agreed, one with none. */
const tokens = { parkside: '', brookside: '' };
const deps = { fetch: (...args: Parameters<typeof fetch>) => fetch(...args), now: Date.now };
let endpoint: string;

beforeAll(async () => {
  queue = await startQueue('pglite');
  endpoint = `${queue.url}/fhir`;
  tokens.parkside = await addPracticeWithToken(queue.db, { odsCode: 'P84001', name: 'Parkside Surgery' });
  tokens.brookside = await addPracticeWithToken(queue.db, { odsCode: 'P84002', name: 'Brookside Practice' });
  await addAgreedService(queue.db, {
    service: kingsmeadConnect55,
    practice: 'P84001',
    model: BOUNDARIED_VCSE_MODEL,
    champion,
  });
  await addAgreedService(queue.db, { service: valleyPcn, practice: 'P84001', model: OPEN_PCN_MODEL, champion });
}, 120_000); // the embedded database's first start

afterAll(async () => {
  await queue?.stop();
});

beforeEach(() => fakeBrowser.reset());

const useQueue = (token: string, at = endpoint) => saveSettings({ queue: { endpoint: at, token } });

describe('the directory, fetched by the background', () => {
  it('keeps the practice’s services with their agreements, and which practice and queue it came from', async () => {
    await useQueue(tokens.parkside);
    expect(await refreshDirectory(deps)).toEqual({ ok: true });
    const cached = await loadCachedDirectory();
    expect(cached.refresh).toMatchObject({
      from: endpoint,
      practice: { odsCode: 'P84001', name: 'Parkside Surgery' },
    });
    expect(cached.refresh?.problem).toBeUndefined();
    const directory = directoryFor(cached, endpoint);
    expect(directory?.practice).toBe('P84001');
    expect(directory?.entries.map((entry) => entry.service.name)).toEqual([
      'Kingsmead Connect 55+',
      'Kingsmead Valley PCN social prescribing',
    ]);
    expect(directory?.entries[0]?.agreement.agreedBy.practice).toEqual(champion);
    expect(directory?.entries[0]?.service).toEqual(kingsmeadConnect55);
    // Another queue's endpoint has no directory here until it is fetched from there.
    expect(directoryFor(cached, 'http://127.0.0.1:1/fhir')).toBeUndefined();
  });

  it('gives a practice with no agreement an empty directory, never another practice’s', async () => {
    await useQueue(tokens.brookside);
    expect(await refreshDirectory(deps)).toEqual({ ok: true });
    const cached = await loadCachedDirectory();
    expect(cached.directory).toMatchObject({ practice: 'P84002', entries: [] });
    expect(cached.refresh?.practice?.name).toBe('Brookside Practice');
  });

  it('keeps the copy when the queue cannot be reached, and says why', async () => {
    await useQueue(tokens.parkside);
    await refreshDirectory(deps);
    const before = await loadCachedDirectory();
    const offline = { ...deps, fetch: () => Promise.reject(new TypeError('Failed to fetch')) };
    const failed = await refreshDirectory({ ...offline, now: () => Date.now() + 3 * 24 * 60 * 60 * 1000 });
    expect(failed).toEqual({
      ok: false,
      message: `Could not reach the queue at ${endpoint}/HealthcareService (Failed to fetch). The copy kept in this browser is still used.`,
    });
    const after = await loadCachedDirectory();
    expect(after.directory).toEqual(before.directory);
    expect(after.refresh).toMatchObject({ from: endpoint, problem: failed.ok ? '' : failed.message });
    expect(isStale(after.directory as NonNullable<typeof after.directory>, Date.now() + 3 * 24 * 60 * 60 * 1000)).toBe(
      true,
    );
  });

  it('keeps the copy when the token is refused, and says so', async () => {
    await useQueue(tokens.parkside);
    await refreshDirectory(deps);
    await useQueue('spq_not-a-token-this-queue-issued');
    const failed = await refreshDirectory(deps);
    expect(failed.ok).toBe(false);
    expect(failed.ok || failed.message).toContain('The queue refused this practice’s token (HTTP 401)');
    expect(failed.ok || failed.message).toContain('The copy kept in this browser is still used.');
    expect((await loadCachedDirectory()).directory?.entries).toHaveLength(2);
  });

  it('says there is nothing to fetch without a queue, or without a copy yet', async () => {
    expect(await refreshDirectory(deps)).toEqual({
      ok: false,
      message: 'No queue is set, so there is no directory to fetch: set the endpoint and token under “Queue”.',
    });
    await useQueue(tokens.parkside, 'http://127.0.0.1:9/fhir');
    const failed = await refreshDirectory(deps);
    expect(failed.ok || failed.message).toMatch(
      /^Could not reach the queue at http:\/\/127\.0\.0\.1:9\/fhir\/HealthcareService/,
    );
    expect(failed.ok || failed.message).toContain('There is no copy of the directory in this browser yet.');
  });

  it('refuses a directory that holds another practice’s agreement, whole, and keeps the copy', async () => {
    await useQueue(tokens.parkside);
    await refreshDirectory(deps);
    // No real queue does this: a server answering as a queue whose directory is another practice's.
    const wrong = createServer((request, response) => {
      const body = request.url?.endsWith('/HealthcareService')
        ? directoryToBundle(riversideDirectory)
        : {
            resourceType: 'Bundle',
            type: 'searchset',
            entry: [
              { resource: { resourceType: 'Organization', name: 'Hillside', identifier: [{ value: 'Y02345' }] } },
            ],
          };
      response.writeHead(200, { 'content-type': 'application/fhir+json' });
      response.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => wrong.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(wrong.address() as AddressInfo).port}/fhir`;
    try {
      await useQueue(tokens.parkside, at);
      const failed = await refreshDirectory(deps);
      expect(failed.ok || failed.message).toBe(
        'The directory from the queue holds an agreement of another practice (L81001), not Y02345: it was not used. There is no copy of the directory in this browser yet.',
      );
      const cached = await loadCachedDirectory();
      expect(cached.directory?.practice).toBe('P84001');
      expect(directoryFor(cached, at)).toBeUndefined();
    } finally {
      await new Promise((resolve) => wrong.close(resolve));
    }
  });

  it('refreshes every six hours by an alarm, and at once when asked', async () => {
    await useQueue(tokens.parkside);
    const refresh = startDirectory();
    await expect.poll(() => fakeBrowser.alarms.get('directory')).toMatchObject({ periodInMinutes: 360 });
    expect((await loadCachedDirectory()).directory).toBeUndefined();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'directory', scheduledTime: Date.now(), periodInMinutes: 360 });
    await expect.poll(async () => (await loadCachedDirectory()).directory?.entries.length).toBe(2);
    // Asked twice at once: one fetch, both told its outcome.
    const [first, second] = await Promise.all([refresh(), refresh()]);
    expect(first).toEqual({ ok: true });
    expect(second).toEqual({ ok: true });
  });

  it('fetches at once when the queue in force changes to another practice’s token', async () => {
    await useQueue(tokens.parkside);
    startDirectory();
    // Settings saved before the background started are its starting point: nothing fetched for them by this.
    await expect.poll(() => fakeBrowser.alarms.get('directory')).toBeDefined();
    await useQueue(tokens.brookside);
    await expect.poll(async () => (await loadCachedDirectory()).directory?.practice).toBe('P84002');
    await useQueue(tokens.parkside);
    await expect.poll(async () => (await loadCachedDirectory()).directory?.practice).toBe('P84001');
  });

  it('fetches the new queue’s directory when the queue changes while a fetch for the old one is under way', async () => {
    await useQueue(tokens.parkside);
    const refresh = startDirectory();
    await expect.poll(() => fakeBrowser.alarms.get('directory')).toBeDefined();
    const underWay = refresh();
    await useQueue(tokens.brookside);
    expect(await underWay).toEqual({ ok: true });
    await expect.poll(async () => (await loadCachedDirectory()).directory?.practice).toBe('P84002');
    expect((await loadCachedDirectory()).refresh?.problem).toBeUndefined();
  });
});
