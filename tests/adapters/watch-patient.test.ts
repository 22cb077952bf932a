import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { watchPatient } from '../../app/content/watch-patient';
import { demoAdapter, type PatientContext } from '../../domain/adapters';
import { loadDemoPractice } from './demo-page';

/** Collects what the watcher reports, and lets a test wait for the next report that passes a check. */
function recorder() {
  const seen: (PatientContext | null)[] = [];
  const waiting: { check: (context: PatientContext | null) => boolean; resolve: (c: PatientContext | null) => void }[] =
    [];
  const onChange = (context: PatientContext | null) => {
    seen.push(context);
    for (const waiter of waiting.splice(0)) {
      if (waiter.check(context)) waiter.resolve(context);
      else waiting.push(waiter);
    }
  };
  const next = (check: (context: PatientContext | null) => boolean) =>
    seen.length && check(seen[seen.length - 1] ?? null)
      ? Promise.resolve(seen[seen.length - 1] ?? null)
      : new Promise<PatientContext | null>((resolve) => waiting.push({ check, resolve }));
  return { seen, onChange, next };
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const slot = (name: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('.mw-slot')].find((button) => button.textContent?.includes(name));

describe('watchPatient on the demo practice system', () => {
  // The demo's own script runs once per file; tests move between its patients as a user would.
  beforeAll(loadDemoPractice);

  it('reports the patient on screen, follows a switch to another patient, and reports each change once', async () => {
    const { seen, onChange, next } = recorder();
    stop = watchPatient(demoAdapter, document, onChange);

    const smith = await next((context) => context?.fields.family === 'SMITH');
    expect(smith?.fields).toMatchObject({ nhsNumber: '943 476 5919', given: 'John', dateOfBirth: '14-Jun-1954' });

    slot('OKAFOR')?.click();
    const next1 = await next((context) => context?.fields.family === 'OKAFOR');
    expect(next1).toMatchObject({ recordKey: 'nhs:9990012342', fields: { given: 'Adaeze', sex: 'Female' } });

    // While the record loads the banner shows no patient: the pad is told so, never left showing the previous one.
    const sinceSmith = seen.slice(seen.indexOf(smith));
    expect(sinceSmith.map((context) => context?.fields.family ?? null)).toEqual(['SMITH', null, 'OKAFOR']);
  });

  it('reports a patient with no phone without one', async () => {
    const { onChange, next } = recorder();
    stop = watchPatient(demoAdapter, document, onChange);
    slot('JONES')?.click();
    const jones = await next((context) => context?.fields.family === 'JONES');
    expect(jones?.fields.phone).toBeUndefined();
    expect(jones?.fields.nhsNumber).toBe('999 004 5674');
  });

  it('stops reporting once stopped', async () => {
    document.body.innerHTML =
      '<div class="mw-pbanner"><span class="mw-pname">SMITH, John</span><span>NHS No.</span><span>943 476 5919</span></div>';
    const { seen, onChange, next } = recorder();
    const stopNow = watchPatient(demoAdapter, document, onChange);
    await next((context) => context?.recordKey === 'nhs:9434765919');
    stopNow();
    document.body.innerHTML = '';
    // A watcher that still ran would report null on the next frame; wait for a frame to pass.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(seen).toHaveLength(1);
  });
});
