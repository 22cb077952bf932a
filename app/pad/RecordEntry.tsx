import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';

/** The text for the clinical record, selectable and copied with one press (`id` tells one entry from another). */
export function RecordEntry({
  text,
  id = 'pad-record-entry',
  label = 'For the clinical record',
  copyLabel = 'Copy for the record',
  rows = 10,
}: {
  text: string;
  id?: string;
  label?: string;
  copyLabel?: string;
  rows?: number;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const copied = useSignal<string | undefined>(undefined);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      copied.value = 'Copied. Paste it into the consultation.';
    } catch {
      area.current?.select();
      copied.value = 'Selected: press Ctrl+C (or ⌘C) to copy it.';
    }
  };
  return (
    <div class="pad-field pad-record-entry">
      <label for={id}>{label}</label>
      <textarea id={id} class="pad-textarea" readOnly rows={rows} value={text} ref={area} />
      <button type="button" class="pad-button pad-button--secondary" onClick={() => void copy()}>
        {copyLabel}
      </button>
      <p class="pad-hint" role="status">
        {copied.value ?? ''}
      </p>
    </div>
  );
}
