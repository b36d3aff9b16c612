/** Dates given to a month, quarter or year ("2012 August", "2019", "2014 Q3") → ISO dates. */
import { isIsoDate } from "../../src/model/dates";

/** How much of a date the source gave. */
export type DatePrecision = "day" | "month" | "quarter" | "year";

export interface PartialDate {
  /** The first day of the period given, `YYYY-MM-DD`. */
  readonly date: string;
  readonly precision: DatePrecision;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

const monthNumber = (name: string): number | undefined => {
  const lower = name.toLowerCase().replace(/\.$/, "");
  if (lower.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m === lower || m.slice(0, 3) === lower);
  return i < 0 ? undefined : i + 1;
};

const iso = (year: number, month: number, day = 1) =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/**
 * Reads a date written to any precision: `2012-08-15`, `2012-08`, `2012 August`, `August 2012`,
 * `Aug 2012`, `2014 Q3`, `Q3 2014`, `2019`. A period stands for its first day. `undefined` when
 * the text is none of these.
 */
export function parsePartialDate(text: string): PartialDate | undefined {
  const t = text.trim().replace(/\s+/g, " ");
  let m = /^(\d{4})$/.exec(t);
  if (m) return { date: iso(Number(m[1]), 1), precision: "year" };
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return isIsoDate(t) ? { date: t, precision: "day" } : undefined;
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12
      ? { date: iso(Number(m[1]), month), precision: "month" }
      : undefined;
  }
  m = /^(\d{4}) Q([1-4])$/i.exec(t) ?? /^Q([1-4]) (\d{4})$/i.exec(t);
  if (m) {
    const [year, quarter] = /^\d{4}$/.test(m[1] ?? "") ? [m[1], m[2]] : [m[2], m[1]];
    return { date: iso(Number(year), (Number(quarter) - 1) * 3 + 1), precision: "quarter" };
  }
  m = /^(\d{4}) ([A-Za-z.]+)$/.exec(t);
  const byName = m ? [m[1], m[2]] : /^([A-Za-z.]+),? (\d{4})$/.exec(t)?.slice(1).reverse();
  if (byName) {
    const month = monthNumber(byName[1] ?? "");
    if (month) return { date: iso(Number(byName[0]), month), precision: "month" };
  }
  return undefined;
}

/** The assumption a partial date makes, for a record's `assumptions`; none for a full date. */
export function partialDateAssumption(what: string, given: string, date: PartialDate): string[] {
  switch (date.precision) {
    case "day":
      return [];
    case "month":
      return [
        `${what} given as a month ("${given}"): taken as the first of the month, ${date.date}.`,
      ];
    case "quarter":
      return [`${what} given as a quarter ("${given}"): taken as its first day, ${date.date}.`];
    case "year":
      return [`${what} given as a year only ("${given}"): taken as January 1st, ${date.date}.`];
  }
}
