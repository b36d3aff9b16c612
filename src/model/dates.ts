/** ISO calendar dates (`YYYY-MM-DD`, UTC) and the day numbers the GPU filters on. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so `2017-02-30` is not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Days since 1970-01-01 (UTC) of an ISO date. Throws on a string that is not a date. */
export function toDayNumber(iso: string): number {
  if (!isIsoDate(iso)) throw new RangeError(`invalid date: ${JSON.stringify(iso)}`);
  return Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
}

/** The ISO date of a day number (the inverse of {@link toDayNumber}). */
export function fromDayNumber(day: number): string {
  return new Date(Math.round(day) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO dates sort as strings; this names the intent. */
export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
