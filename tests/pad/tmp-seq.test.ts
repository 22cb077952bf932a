import { it } from 'vitest';
import { OPEN_PCN_MODEL } from '../../domain/model/examples';
import type { Referral } from '../../domain/referral/referral';
import { PATIENTS, World } from './session-world';

it('seq', () => {
  const w = new World();
  const show = (s: string) =>
    console.log(
      s,
      w.session.phase,
      w.session.open?.recordKey,
      JSON.stringify(w.session.reading),
      w.pending.map((p) => p.kind),
    );
  w.dispatch({ type: 'record-changed', record: null });
  show('rec none');
  w.finish(0);
  show('fin');
  w.dispatch({ type: 'start-again' });
  show('start');
  w.outboxTakes = false;
  w.dispatch({ type: 'send', made: { ok: true, referral: { whatMatters: '' } as Referral, model: OPEN_PCN_MODEL } });
  show('send');
  w.dispatch({ type: 'record-changed', record: PATIENTS[0] ?? null });
  show('rec smith');
  w.finish(1);
  show('fin1');
  w.finish(0);
  show('fin0');
});
