/** Shown beside a setting that enterprise policy sets: the champion cannot change it here. */
export function LockedNote({ id }: { id?: string }) {
  return (
    <p class="options-locked" id={id}>
      <strong>Set by your organisation.</strong> It cannot be changed here; ask your IT team or ICB.
    </p>
  );
}
