/** Calendar steps for the timeline: days, months and years, in UTC. */
import { fromDayNumber, toDayNumber } from "./dates";

export type StepUnit = "day" | "month" | "year";

/** `date` moved by `count` units; a month step from the 31st lands on the month's last day. */
export function addSteps(date: string, unit: StepUnit, count: number): string {
  if (unit === "day") return fromDayNumber(toDayNumber(date) + count);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const months = unit === "year" ? count * 12 : count;
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The arrow-key step that suits a time range: days under a year, months under 30 years, else years. */
export function stepUnitFor([start, end]: readonly [string, string]): StepUnit {
  const days = toDayNumber(end) - toDayNumber(start);
  return days <= 366 ? "day" : days <= 30 * 366 ? "month" : "year";
}

/** Clamps an ISO date into `[min, max]`. */
export function clampDate(date: string, min: string, max: string): string {
  return date < min ? min : date > max ? max : date;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "1 Oct 2017": a date as people read it aloud, unambiguous in any locale. */
export function formatDateLong(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "18 Dec 2014 – 22 Dec 2014" for an event with an end, else its one date. */
export const formatEventDates = (event: { date: string; end?: string | undefined }): string =>
  event.end
    ? `${formatDateLong(event.date)} – ${formatDateLong(event.end)}`
    : formatDateLong(event.date);
