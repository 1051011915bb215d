/** A month calendar grid: 6 weeks × 7 days starting on Monday, as `YYYY-MM-DD` strings. */
export function monthGrid(year: number, month: number): string[] {
  const first = new Date(Date.UTC(year, month, 1));
  const offset = (first.getUTCDay() + 6) % 7;
  const days: string[] = [];
  for (let i = 0; i < 42; i++) {
    days.push(new Date(Date.UTC(year, month, 1 - offset + i)).toISOString().slice(0, 10));
  }
  return days;
}

/** `[from, to)` of a month as `YYYY-MM-DD`. */
export function monthRange(year: number, month: number): [string, string] {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return [iso(new Date(Date.UTC(year, month, 1))), iso(new Date(Date.UTC(year, month + 1, 1)))];
}
