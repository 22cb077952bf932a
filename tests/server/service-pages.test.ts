import { beforeAll, describe, expect, it } from 'vitest';
import { BOUNDARIED_VCSE_MODEL } from '../../domain/model/examples';
import { writeModelFile } from '../../domain/model/model-file';
import { runCommand } from '../../server/admin/commands';
import { addService, getService, proposalsFor, proposeModel } from '../../server/store/services';
import { kingsmeadConnect as kingsmeadFixture, valleyPcn as valleyFixture } from '../../test-support/fixtures/services';
import { cookieOf, csrfFrom, LINK_WORKER, signIn } from '../../test-support/queue/queue';
import { queueForTests } from '../../test-support/queue/queue-for-tests';

/** The fixtures' services under ids of their own, apart from any the queue's tests seed. */
const kingsmeadConnect = { ...kingsmeadFixture, id: 'kingsmead-connect-pages' };
const valleyPcn = { ...valleyFixture, id: 'valley-pcn-pages' };

const LEAD = { username: 'sam', displayName: 'Sam Lee', password: 'a lead’s long password' };
const OTHER_LEAD = { username: 'priya', displayName: 'Priya Shah', password: 'another lead’s password' };
const champion = { name: 'Dr Amina Patel', role: 'GP partner', organisation: 'Riverside Surgery' };
const SAME_ORIGIN = { 'Sec-Fetch-Site': 'same-origin' };

const queue = queueForTests();
let lead: string;
let plain: string;

/** A lead added by the queue's owner's command (add-link-worker --service <id> --service-lead). */
async function addLead(account: typeof LEAD, serviceId: string) {
  const said = await runCommand(queue.db, {
    command: 'add-link-worker',
    args: [account.username, account.displayName],
    password: account.password,
    service: serviceId,
    serviceLead: true,
  });
  expect(said).toBe(`Added service lead ${account.username} of ${serviceId}.`);
}

async function signedIn(account: { username: string; password: string }) {
  return cookieOf(await signIn(queue, account.password, account.username));
}

function post(cookie: string, path: string, form: Record<string, string> | FormData, headers = SAME_ORIGIN) {
  return fetch(`${queue.url}/inbox/service${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: cookie, ...headers },
    body: form instanceof FormData ? form : new URLSearchParams(form),
  });
}

function get(cookie: string, path: string) {
  return fetch(`${queue.url}/inbox/service${path}`, { redirect: 'manual', headers: { Cookie: cookie } });
}

/** Text as the browser shows it: Preact escapes quotes and some punctuation as entities. */
function decoded(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** The error summary's items as the lead reads them: each message and the control it links to. */
function summary(page: string): { target: string; message: string }[] {
  const box = /<div class="nhsuk-error-summary"[\s\S]*?<\/ul>/.exec(page)?.[0] ?? '';
  return [...box.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map(([, target, message]) => ({
    target: target ?? '',
    message: decoded(message ?? ''),
  }));
}

beforeAll(async () => {
  await addService(queue.db, kingsmeadConnect, new Date());
  await addService(queue.db, valleyPcn, new Date());
  await addLead(LEAD, kingsmeadConnect.id);
  await addLead(OTHER_LEAD, valleyPcn.id);
  lead = await signedIn(LEAD);
  plain = await signedIn(LINK_WORKER);
});

describe('the service lead’s pages', () => {
  it('refuse a plain link worker (403) and change nothing; send a signed-out browser to sign in', async () => {
    for (const path of ['', '/details', '/capacity', '/propose']) {
      const response = await get(plain, path);
      expect(response.status).toBe(403);
      expect(await response.text()).toBe('Only the lead of a service may change its details, capacity and models.');
    }
    const csrf = await csrfFrom(queue, plain);
    expect((await post(plain, '/capacity', { csrf, state: 'accepting' })).status).toBe(403);
    expect(await getService(queue.db, kingsmeadConnect.id)).toEqual(kingsmeadConnect);
    const signedOut = await get('', '');
    expect([signedOut.status, signedOut.headers.get('location')]).toEqual([303, '/inbox/login']);
    expect((await post('', '/capacity', { state: 'accepting' })).status).toBe(401);
  });

  it('refuse a form without the session’s token, or sent from another site', async () => {
    expect((await post(lead, '/capacity', { state: 'accepting' })).status).toBe(403);
    const csrf = await csrfFrom(queue, lead, '/inbox/service');
    const crossSite = await post(lead, '/capacity', { csrf, state: 'accepting' }, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect((await getService(queue.db, kingsmeadConnect.id))?.capacity).toEqual(kingsmeadConnect.capacity);
  });

  it('show the lead their own service, with its capacity in words', async () => {
    const page = await (await get(lead, '')).text();
    expect(page).toContain('<h1>Kingsmead Connect 55+</h1>');
    expect(page).toContain('Waiting list of about 3 weeks: Groups restart in January');
    expect(page).not.toContain(valleyPcn.name);
  });
});

describe('the details form', () => {
  it('says what is wrong at each field, and changes nothing', async () => {
    const csrf = await csrfFrom(queue, lead, '/inbox/service');
    const response = await post(lead, '/details', {
      csrf,
      name: ' ',
      organisationName: 'Kingsmead Community Trust',
      organisationOds: 'not an ods code',
      description: 'Befriending.',
      contact: 'A connector phones.',
      hours: '',
      areas: 'BS16, Bristol',
    });
    expect(response.status).toBe(400);
    expect(summary(await response.text())).toEqual([
      { target: 'name', message: 'Name the service.' },
      { target: 'organisationOds', message: 'An ODS code is 3 to 6 letters and digits, for example L81001.' },
      { target: 'hours', message: 'Give the service’s hours.' },
      { target: 'areas', message: '“Bristol”: A postcode area or district, for example BS or BS16.' },
    ]);
    expect(await getService(queue.db, kingsmeadConnect.id)).toEqual(kingsmeadConnect);
  });

  it('saves good details, keeping the capacity', async () => {
    const csrf = await csrfFrom(queue, lead, '/inbox/service');
    const response = await post(lead, '/details', {
      csrf,
      name: 'Kingsmead Connect 55+',
      organisationName: 'Kingsmead Community Trust',
      organisationOds: 'kct01',
      description: 'Befriending, groups and practical help for people aged 55 and over.',
      contact: 'A connector phones within 5 working days.',
      hours: 'Monday to Friday, 9am to 5pm',
      areas: 'bs15 BS16,BS5',
    });
    expect([response.status, response.headers.get('location')]).toEqual([303, '/inbox/service?saved=details']);
    expect(await getService(queue.db, kingsmeadConnect.id)).toEqual({
      ...kingsmeadConnect,
      description: 'Befriending, groups and practical help for people aged 55 and over.',
      areas: ['BS15', 'BS16', 'BS5'],
    });
  });
});

describe('the capacity form', () => {
  it.each([
    [
      { state: '' },
      [
        {
          target: 'state',
          message: 'Choose whether the service is accepting referrals, has a waiting list, or is paused.',
        },
      ],
    ],
    [{ state: 'waiting-list', weeks: '' }, [{ target: 'weeks', message: 'Say about how many weeks people wait.' }]],
    [
      { state: 'waiting-list', weeks: 'three' },
      [{ target: 'weeks', message: 'The wait is a whole number of weeks, from 1 to 104.' }],
    ],
    [
      { state: 'waiting-list', weeks: '200' },
      [{ target: 'weeks', message: 'The wait is a whole number of weeks, from 1 to 104.' }],
    ],
    [{ state: 'paused', until: '' }, [{ target: 'until', message: 'Enter the pause end date' }]],
    [
      { state: 'paused', 'until-day': '5', 'until-month': 'Jan', 'until-year': '' },
      [{ target: 'until', message: 'Pause end date must include a year' }],
    ],
    [
      { state: 'paused', 'until-day': '31', 'until-month': '2', 'until-year': '2099' },
      [{ target: 'until', message: 'Pause end date must be a real date' }],
    ],
    [
      { state: 'paused', until: '2020-01-05' },
      [{ target: 'until', message: 'The date the pause ends must be after today.' }],
    ],
  ])('refuses %j, saying where', async (form, expected) => {
    const csrf = await csrfFrom(queue, lead, '/inbox/service');
    const before = await getService(queue.db, kingsmeadConnect.id);
    const response = await post(lead, '/capacity', { csrf, ...form });
    expect(response.status).toBe(400);
    expect(summary(await response.text())).toEqual(expected);
    expect(await getService(queue.db, kingsmeadConnect.id)).toEqual(before);
  });

  it('saves a pause with its note, which the service page then says', async () => {
    const csrf = await csrfFrom(queue, lead, '/inbox/service');
    const response = await post(lead, '/capacity', {
      csrf,
      state: 'paused',
      weeks: '3',
      until: '2099-01-05',
      note: 'Refer to Kingsmead Valley PCN meanwhile',
    });
    expect(response.status).toBe(303);
    expect((await getService(queue.db, kingsmeadConnect.id))?.capacity).toEqual({
      state: 'paused',
      until: '2099-01-05',
      note: 'Refer to Kingsmead Valley PCN meanwhile',
    });
    const page = await (await get(lead, '?saved=capacity')).text();
    expect(page).toContain('Paused until 5 January 2099: Refer to Kingsmead Valley PCN meanwhile');
    expect(page).toContain('Saved: the capacity.');
  });
});

describe('proposals', () => {
  async function fromPractice() {
    const result = await proposeModel(
      queue.db,
      {
        serviceId: kingsmeadConnect.id,
        practice: 'L81001',
        side: 'practice',
        model: BOUNDARIED_VCSE_MODEL,
        proposedBy: champion,
      },
      new Date(),
    );
    if (!result.ok) throw new Error(result.problem);
    return result.proposal;
  }

  it('will not send a proposal back without a comment, and then records the comment', async () => {
    const proposal = await fromPractice();
    const csrf = await csrfFrom(queue, lead, '/inbox/service');
    const bare = await post(lead, `/proposals/${proposal.id}/send-back`, { csrf, comment: '  ' });
    expect(bare.status).toBe(400);
    expect(summary(await bare.text())).toEqual([
      { target: 'comment', message: 'Say what needs to change: the practice sees it.' },
    ]);
    expect((await proposalsFor(queue.db, kingsmeadConnect.id)).find((p) => p.id === proposal.id)?.status).toBe(
      'proposed',
    );
    const sent = await post(lead, `/proposals/${proposal.id}/send-back`, { csrf, comment: 'Keep BS5 in the areas.' });
    expect(sent.status).toBe(303);
    const after = (await proposalsFor(queue.db, kingsmeadConnect.id)).find((p) => p.id === proposal.id);
    expect(after).toMatchObject({
      status: 'sent-back',
      comment: 'Keep BS5 in the areas.',
      decidedBy: { name: 'Sam Lee', role: 'Service lead', organisation: 'Kingsmead Community Trust' },
    });
  });

  it('shows another service’s proposal to nobody else (404)', async () => {
    const proposal = await fromPractice();
    const other = await signedIn(OTHER_LEAD);
    expect((await get(other, `/proposals/${proposal.id}`)).status).toBe(404);
    const csrf = await csrfFrom(queue, other, '/inbox/service');
    expect((await post(other, `/proposals/${proposal.id}/agree`, { csrf })).status).toBe(404);
  });

  it('reads a proposed model as the pad reads a file: each problem located, nothing proposed', async () => {
    const csrf = await csrfFrom(queue, lead, '/inbox/service');
    const before = (await proposalsFor(queue.db, kingsmeadConnect.id)).length;
    const broken = await post(lead, '/propose', { csrf, practice: 'L81001', model: '{ "id": ' });
    expect(broken.status).toBe(400);
    expect(summary(await broken.text())).toEqual([
      { target: 'model', message: 'Not valid JSON: the file ends too early (is it cut short?).' },
    ]);
    const wrong = {
      ...BOUNDARIED_VCSE_MODEL,
      scope: {
        ...BOUNDARIED_VCSE_MODEL.scope,
        pathways: BOUNDARIED_VCSE_MODEL.scope.pathways.map((pathway) => ({ ...pathway, minAge: 'sixty' })),
      },
    };
    const form = new FormData();
    form.set('csrf', csrf);
    form.set('practice', 'L81001');
    form.set('file', new File([JSON.stringify(wrong)], 'model.json', { type: 'application/json' }));
    const uploaded = await post(lead, '/propose', form);
    expect(uploaded.status).toBe(400);
    expect(summary(await uploaded.text())).toEqual([
      { target: 'model', message: 'scope.pathways.0.minAge: Expected a number, found text "sixty".' },
    ]);
    const noPractice = await post(lead, '/propose', {
      csrf,
      practice: '',
      model: writeModelFile(BOUNDARIED_VCSE_MODEL),
    });
    expect(summary(await noPractice.text())).toEqual([{ target: 'practice', message: 'Choose the practice.' }]);
    expect(await proposalsFor(queue.db, kingsmeadConnect.id)).toHaveLength(before);
  });

  it('proposes a good model to the practice from the service’s side', async () => {
    const csrf = await csrfFrom(queue, lead, '/inbox/service');
    const response = await post(lead, '/propose', {
      csrf,
      practice: 'L81001',
      model: writeModelFile(BOUNDARIED_VCSE_MODEL),
    });
    expect([response.status, response.headers.get('location')]).toEqual([303, '/inbox/service?saved=proposed']);
    const [newest] = await proposalsFor(queue.db, kingsmeadConnect.id);
    expect(newest).toMatchObject({
      practice: 'L81001',
      side: 'service',
      status: 'proposed',
      proposedBy: { name: 'Sam Lee', role: 'Service lead' },
    });
    const own = await post(lead, `/proposals/${newest?.id}/agree`, { csrf });
    expect(own.status).toBe(409);
  });
});
