import { describe, expect, it } from 'vitest';
import { checkReferral, sentVerdict } from '../../domain/criteria';
import { meaningOfSent, meaningOfVerdict, verdictHeadline, verdictTone } from '../../domain/criteria/verdict-words';
import { BOUNDARIED_VCSE_MODEL as BOUNDARIED, OPEN_PCN_MODEL as OPEN } from '../../domain/model/examples';
import { changed, TODAY } from '../../test-support/fixtures/criteria';

const outOfArea = { postcode: 'TR1 1AA' };
const reason = 'Moving to Bristol next month, already registered with us.';

describe('one wording of a verdict, for the pad, the record entry and the inbox', () => {
  it('says an overridden referral is outside the model with the reason, before and after sending', () => {
    const draft = changed({ patient: outOfArea, overrideReason: reason });
    const verdict = checkReferral(BOUNDARIED, draft, TODAY);
    expect(verdict.overridden).toBe(true);
    const onThePad = verdictHeadline(meaningOfVerdict(verdict, draft.overrideReason));
    const sent = verdictHeadline(meaningOfSent(sentVerdict(verdict, draft)));
    expect(onThePad).toBe(`Outside the agreed model, sent with the referrer’s reason: ${reason}`);
    expect(sent).toBe(onThePad);
  });

  it('names the route for a referral that is not for this service, and never says it goes ahead', () => {
    const verdict = checkReferral(BOUNDARIED, changed({ patient: outOfArea }), TODAY);
    const words = verdictHeadline(meaningOfVerdict(verdict));
    expect(verdict.outcome).toBe('redirect');
    expect(words).toMatch(/^Not for this service: refer to .+/);
  });

  it('calls a safety redirect a stop that names where to go instead', () => {
    const verdict = checkReferral(BOUNDARIED, changed({ safety: { 'suicidal-thoughts': true } }), TODAY);
    const meaning = meaningOfVerdict(verdict);
    expect(meaning.kind).toBe('safety-stop');
    expect(verdictHeadline(meaning)).toMatch(/^Cannot be sent: safety\. Use .+/);
  });

  it('says a flagged safety answer is in the model with points, and names the route the referrer used', () => {
    const draft = changed({ safety: { 'suicidal-thoughts': true } });
    expect(meaningOfVerdict(checkReferral(OPEN, draft, TODAY)).kind).toBe('incomplete');
    const used = changed({ routesUsed: { 'suicidal-thoughts': true } }, draft);
    const verdict = checkReferral(OPEN, used, TODAY);
    const route = OPEN.safety['suicidal-thoughts'].redirectTo?.service;
    expect(verdictHeadline(meaningOfVerdict(verdict))).toBe(
      `In the agreed model, with points for the link worker: a safety answer is flagged, and the referrer has used ${route}`,
    );
    expect(verdictHeadline(meaningOfSent(sentVerdict(verdict, used)))).toBe(
      'In the agreed model, with points for the link worker: a safety answer is flagged, and the referrer confirmed they used the route given',
    );
    expect(verdictTone(meaningOfVerdict(verdict))).toBe('yellow');
  });

  it('says a complete referral the model takes is in the model', () => {
    const verdict = checkReferral(BOUNDARIED, changed({}), TODAY);
    expect(verdictHeadline(meaningOfVerdict(verdict))).toBe('In the agreed model');
    expect(verdictHeadline(meaningOfSent(sentVerdict(verdict, {})))).toBe('In the agreed model');
  });
});
