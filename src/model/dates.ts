/** ISO calendar dates (`YYYY-MM-DD`, UTC) and the day numbers the GPU filters on. */

const MS_PER_DAY = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DASH = 45;
const ZERO = 48;

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The day number of `value` when it is a real calendar date written `YYYY-MM-DD`, else NaN. The
 * digits are read in place: a large dataset's dates are read a million times as it loads, and a
 * regular expression's match, a `Date` and a string for each were much of the load's garbage.
 * Years before 100 are not dates (as `Date.UTC` reads them as 1900–1999, they never were here).
 */
function isoDayOf(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) {
    return Number.NaN;
  }
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = value.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return Number.NaN;
    if (i < 4) year = year * 10 + digit;
    else if (i < 7) month = month * 10 + digit;
    else day = day * 10 + digit;
  }
  if (year < 100 || month < 1 || month > 12 || day < 1) return Number.NaN;
  const days = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > days) return Number.NaN;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so `2017-02-30` is not). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === "string" && !Number.isNaN(isoDayOf(value));
}

/** Days since 1970-01-01 (UTC) of an ISO date. Throws on a string that is not a date. */
export function toDayNumber(iso: string): number {
  const day = isoDayOf(iso);
  if (Number.isNaN(day)) throw new RangeError(`invalid date: ${JSON.stringify(iso)}`);
  return day;
}

/** The ISO date of a day number (the inverse of {@link toDayNumber}). */
export function fromDayNumber(day: number): string {
  return new Date(Math.round(day) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO dates sort as strings; this names the intent. */
export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
