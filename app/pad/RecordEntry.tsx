import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';

/** The text for the clinical record, selectable and copied with one press. */
export function RecordEntry({ text }: { text: string }) {
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
      <label for="pad-record-entry">For the clinical record</label>
      <textarea id="pad-record-entry" class="pad-textarea" readOnly rows={10} value={text} ref={area} />
      <button type="button" class="pad-button pad-button--secondary" onClick={() => void copy()}>
        Copy for the record
      </button>
      <p class="pad-hint" role="status">
        {copied.value ?? ''}
      </p>
    </div>
  );
}
