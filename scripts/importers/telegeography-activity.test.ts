import { describe, expect, it } from "vitest";
import { parsePartialDate } from "./partial-dates";
import { cableActivity } from "./telegeography-activity";
import type { CableDetails } from "./telegeography-snapshot";

const SNAPSHOTS = ["2019-05-17", "2019-12-11", "2020-06-26", "2020-12-17", "2021-06-29"];
const details = (rfsText?: string): CableDetails => ({
  rfsText,
  rfs: rfsText ? parsePartialDate(rfsText) : undefined,
  planned: false,
  owners: [],
  landings: [],
});

describe("cableActivity", () => {
  it("is active from the RFS to the first snapshot without the cable, saying what that rests on", () => {
    const activity = cableActivity({
      listed: SNAPSHOTS.slice(0, 3),
      snapshots: SNAPSHOTS,
      details: details("2001 June"),
    });
    expect(activity.active).toEqual([{ from: "2001-06-01", to: "2020-12-17" }]);
    expect(activity.planned).toBeUndefined();
    expect(activity.ending).toEqual({
      kind: "retired",
      lastListed: "2020-06-26",
      absentFrom: "2020-12-17",
    });
    expect(activity.assumptions).toContain(
      "Last listed on 2020-06-26; absent from 2020-12-17 (retired or removed from the map).",
    );
  });

  it("is planned from the first listing to the RFS, then active, for a cable built while listed", () => {
    const activity = cableActivity({
      listed: SNAPSHOTS,
      snapshots: SNAPSHOTS,
      details: details("2020 Q3"),
    });
    expect(activity.planned).toEqual([{ from: "2019-05-17", to: "2020-07-01" }]);
    expect(activity.active).toEqual([{ from: "2020-07-01", to: null }]);
    expect(activity.ending).toBeUndefined();
    expect(activity.facts[0]).toBe("Ready for service: 2020 Q3.");
  });

  it("is withdrawn, never active, when the cable goes missing before its RFS", () => {
    const activity = cableActivity({
      listed: SNAPSHOTS.slice(1, 3),
      snapshots: SNAPSHOTS,
      details: details("2020 September"),
    });
    expect(activity.active).toEqual([]);
    expect(activity.planned).toEqual([{ from: "2019-12-11", to: "2020-12-17" }]);
    expect(activity.ending?.kind).toBe("withdrawn");
  });

  it("is still planned when the last snapshot lists the cable before its RFS", () => {
    const activity = cableActivity({
      listed: ["2021-06-29"],
      snapshots: SNAPSHOTS,
      details: details("2023"),
    });
    expect(activity.planned).toEqual([{ from: "2021-06-29", to: "2023-01-01" }]);
    expect(activity.active).toEqual([{ from: "2023-01-01", to: null }]);
    expect(activity.facts[0]).toBe("Planned: ready for service expected 2023 (as of 2021-06-29).");
  });

  it("starts a cable of unknown dates at its first listing and still ends it when it goes missing", () => {
    const activity = cableActivity({
      listed: SNAPSHOTS.slice(1, 2),
      snapshots: SNAPSHOTS,
      details: details("n.a."),
    });
    expect(activity.active).toEqual([
      {
        from: "2019-12-11",
        to: "2020-06-26",
        note: 'dates unknown: its ready-for-service date "n.a." is not a date this importer reads; shown from 2019-12-11, the first snapshot listing it',
      },
    ]);
    expect(activity.ending?.kind).toBe("retired");
  });

  it('gives the length TeleGeography states, and none for "n.a."', () => {
    const facts = (length: string) =>
      cableActivity({
        listed: SNAPSHOTS,
        snapshots: SNAPSHOTS,
        details: { ...details("2009"), length },
      }).facts;
    expect(facts("6,600 km")).toEqual([
      "Ready for service: 2009.",
      "Length given by TeleGeography: 6,600 km.",
    ]);
    expect(facts("n.a.")).toEqual(["Ready for service: 2009."]);
  });

  it("bridges snapshots that miss a cable listed before and after them", () => {
    const activity = cableActivity({
      listed: [SNAPSHOTS[0], SNAPSHOTS[3], SNAPSHOTS[4]] as string[],
      snapshots: SNAPSHOTS,
      details: details("2009"),
    });
    expect(activity.active).toEqual([{ from: "2009-01-01", to: null }]);
    expect(activity.assumptions).toContain(
      "Missing from the 2019-12-11 and 2020-06-26 snapshots, listed before and after: taken as a gap in the map, not a time out of service.",
    );
  });
});
