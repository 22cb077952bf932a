/** What a pad framed by anything but our own content script shows: no patient, no form, only why. */
export function Unconfirmed() {
  return (
    <main class="pad">
      <h1>Social prescribing referral</h1>
      <p>This pad opens only beside a practice system the extension is set up for. Open it from the pad’s tab there.</p>
    </main>
  );
}
