import { describe, expect, it } from 'vitest';
import { checkReferral } from '../../domain/criteria';
import { cardsByRoute } from '../../domain/criteria/card-groups';
import { BOUNDARIED_VCSE_MODEL as BOUNDARIED } from '../../domain/model/examples';
import { changed, TODAY } from '../../test-support/fixtures/criteria';

describe('the verdict’s cards, one per place to refer instead', () => {
  it('lists the reasons for the same route on one card', () => {
    // 34, in BS5, with money worries: age, area and needs all send her to the PCN link workers.
    const draft = changed({
      patient: { dateOfBirth: '03/07/1992', postcode: 'BS5 0QP' },
      needs: ['money-debt', 'loneliness'],
    });
    const verdict = checkReferral(BOUNDARIED, draft, TODAY);
    const groups = cardsByRoute(verdict.cards.filter((card) => card.suggestions.length));
    expect(groups).toHaveLength(1);
    expect(groups[0]?.service).toBe(BOUNDARIED.scope.outOfScopeRoute?.service);
    expect(groups[0]?.cards.map((card) => card.rule).sort()).toEqual(['scope.age', 'scope.area', 'scope.need']);
  });

  it('puts a safety stop first, before a redirect', () => {
    const draft = changed({ patient: { postcode: 'BS5 0QP' }, safety: { 'suicidal-thoughts': true } });
    const groups = cardsByRoute(checkReferral(BOUNDARIED, draft, TODAY).cards);
    expect(groups[0]?.indicator).toBe('critical');
    expect(groups[0]?.cards[0]?.rule).toBe('safety.suicidal-thoughts');
    expect(groups[1]?.cards.map((card) => card.rule)).toContain('scope.area');
  });
});
