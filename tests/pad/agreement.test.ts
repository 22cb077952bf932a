import { describe, expect, it } from 'vitest';
import { agreementLine } from '../../domain/pad/agreement';

const agreement = {
  agreedBy: ['Dr R Khan (GP partner)', 'Bristol Community Connectors'],
  agreedOn: '2026-04-01',
  reviewBy: '2027-04-01',
  summary: 'Over-55s who are isolated.',
};

describe('the model line above the verdict', () => {
  it('names the kind of model, who agreed it and when', () => {
    expect(agreementLine({ kind: 'boundaried', agreement })).toBe(
      'Boundaried model, agreed by Dr R Khan (GP partner) and Bristol Community Connectors on 1 April 2026',
    );
    expect(agreementLine({ kind: 'open', agreement: { ...agreement, agreedBy: ['The PCN board'] } })).toBe(
      'Open model, agreed by The PCN board on 1 April 2026',
    );
  });
});
