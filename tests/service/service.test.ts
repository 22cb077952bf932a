import { describe, expect, it } from 'vitest';
import { BOUNDARIED_VCSE_MODEL } from '../../domain/model/examples';
import { agreedModelSchema, agreementWords, proposalSchema } from '../../domain/service/agreement';
import { directoryAgeWords } from '../../domain/service/directory';
import { capacityWords, isOffered, serviceSchema } from '../../domain/service/service';
import { agreementFor, kingsmeadConnect } from '../../test-support/fixtures/services';

const TODAY = '2026-12-03';

describe('a service’s capacity in words', () => {
  it.each([
    [{ state: 'accepting' }, 'Accepting referrals', true],
    [{ state: 'waiting-list', weeks: 3 }, 'Waiting list of about 3 weeks', true],
    [
      { state: 'waiting-list', weeks: 1, note: 'Groups restart soon' },
      'Waiting list of about 1 week: Groups restart soon',
      true,
    ],
    [
      { state: 'paused', until: '2027-01-05', note: 'Staff training' },
      'Paused until 5 January 2027: Staff training',
      false,
    ],
    [{ state: 'paused', until: TODAY }, 'Accepting referrals', true],
  ] as const)('%j reads “%s” (offered: %s)', (capacity, words, offered) => {
    expect(capacityWords(capacity, TODAY)).toBe(words);
    expect(isOffered(capacity, TODAY)).toBe(offered);
  });
});

describe('a service’s details', () => {
  it('refuses an id that is not a slug, an unknown capacity and a bad area, each where it is', () => {
    const result = serviceSchema.safeParse({
      ...kingsmeadConnect,
      id: 'Kingsmead Connect',
      areas: ['BS16', 'not an area'],
      capacity: { state: 'full' },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['id', 'areas.1', 'capacity.state']));
  });
});

describe('an agreed model', () => {
  it('names both sides, the day agreed (UK) and the review date', () => {
    expect(agreementWords(agreementFor(kingsmeadConnect, 1))).toBe(
      'Agreed by Dr Amina Patel, Riverside Surgery and Sam Lee, Kingsmead Community Trust on 3 December 2026; review by 2 December 2027',
    );
  });

  it('reads its model with the model file reader, so a bad model is refused inside it', () => {
    const agreed = agreementFor(kingsmeadConnect, 1);
    const bad = { ...agreed, model: { ...BOUNDARIED_VCSE_MODEL, kind: 'closed' } };
    const result = agreedModelSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['model', 'kind']);
  });

  it('takes a proposal from either side, and not from a third', () => {
    const proposal = {
      id: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      serviceId: kingsmeadConnect.id,
      practice: 'l81001',
      version: 3,
      basedOn: 2,
      model: BOUNDARIED_VCSE_MODEL,
      side: 'practice',
      proposedBy: { name: 'Dr Amina Patel', role: 'GP partner', organisation: 'Riverside Surgery' },
      proposedAt: '2026-12-03T10:00:00.000Z',
      status: 'proposed',
    };
    expect(proposalSchema.parse(proposal).practice).toBe('L81001');
    expect(proposalSchema.safeParse({ ...proposal, side: 'council' }).success).toBe(false);
  });
});

describe('a cached directory’s age', () => {
  const fetched = '2026-12-03T10:00:00.000Z';
  it.each([
    [30_000, 'Directory fetched just now'],
    [5 * 60_000, 'Directory from 5 minutes ago'],
    [60 * 60_000, 'Directory from 1 hour ago'],
    [3 * 24 * 60 * 60_000, 'Directory from 3 days ago'],
  ])('%i ms later: “%s”', (later, words) => {
    expect(directoryAgeWords(fetched, Date.parse(fetched) + later)).toBe(words);
  });
});
