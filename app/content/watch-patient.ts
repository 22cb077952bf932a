import type { Adapter } from '../../domain/adapters/adapter';
import type { PatientContext } from '../../domain/adapters/patient-context';
import { readPatient } from '../../domain/adapters/read-patient';

/**
 * Calls back with the patient on screen now, and again whenever it changes (another patient, a field edited, the
 * banner gone: null). Practice systems re-render or replace the banner when the user moves to another patient, so the
 * whole document is observed; a batch of mutations is coalesced into one read on the next animation frame (or the next
 * microtask when the page is hidden and frames do not run), and only a different result is reported.
 * Returns a function that stops watching.
 */
export function watchPatient(
  adapter: Adapter,
  document: Document,
  onChange: (context: PatientContext | null) => void,
): () => void {
  const window = document.defaultView;
  let last = readPatient(adapter, document);
  let scheduled = false;
  let stopped = false;
  onChange(last);

  const check = () => {
    scheduled = false;
    if (stopped) return;
    const now = readPatient(adapter, document);
    if (sameContext(now, last)) return;
    last = now;
    onChange(now);
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    if (window && document.visibilityState === 'visible' && window.requestAnimationFrame) {
      window.requestAnimationFrame(check);
    } else queueMicrotask(check);
  };

  const MutationObserverOfPage = window?.MutationObserver ?? MutationObserver;
  const observer = new MutationObserverOfPage(schedule);
  // Attributes only where they change what is shown or read (not classes: hover styling would mean a read a frame).
  observer.observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributeFilter: ['hidden', 'style', 'value'],
  });
  return () => {
    stopped = true;
    observer.disconnect();
  };
}

export function sameContext(a: PatientContext | null, b: PatientContext | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.recordKey === b.recordKey &&
    a.adapterId === b.adapterId &&
    sameFields(a.fields, b.fields) &&
    sameFields(a.unread ?? {}, b.unread ?? {})
  );
}

function sameFields(a: PatientContext['fields'], b: PatientContext['fields']): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof PatientContext['fields']>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}
