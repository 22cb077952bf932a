/**
 * The UK calendar day (Europe/London: GMT in winter, BST in summer) an instant falls on, as YYYY-MM-DD. Ages, review
 * dates and "today" are UK days wherever the code runs (a browser set to UTC, a server in another zone), so every
 * caller passes its instant here rather than slicing an ISO string, which gives the UTC day.
 */
const UK_CALENDAR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "2026-07-02" for 2026-07-01T23:30Z (00:30 BST); "2026-01-01" for 2026-01-01T23:30Z (GMT). */
export function ukDate(instant: Date | number): string {
  const parts = Object.fromEntries(UK_CALENDAR.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
