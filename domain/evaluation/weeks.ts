const DAY = 24 * 60 * 60 * 1000;

/** The Monday of the ISO week a UK day falls in, as YYYY-MM-DD. */
export function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
}

/** The `count` weeks (their Mondays) ending with the week of `today`, oldest first. */
export function lastWeeks(today: string, count: number): string[] {
  const last = new Date(`${weekOf(today)}T00:00:00Z`).getTime();
  return Array.from({ length: count }, (_, index) =>
    new Date(last - (count - 1 - index) * 7 * DAY).toISOString().slice(0, 10),
  );
}
