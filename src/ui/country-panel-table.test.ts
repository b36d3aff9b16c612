import { describe, expect, it } from "vitest";
import type { Upstream } from "../state/connectivity";
import {
  DEFAULT_UPSTREAM_SORT,
  nextUpstreamSort,
  sortUpstreamRows,
  type UpstreamSort,
} from "./country-panel-table";

/** Four upstreams: two autonomous systems and two cable owners without an AS number. */
const upstreams = (): Upstream[] => [
  { key: "AS20485", asn: 20485, name: "TransTeleCom", links: 1 },
  { key: "orange", asn: undefined, name: "Orange", links: 3 },
  { key: "AS4837", asn: 4837, name: "China Unicom", links: 3 },
  { key: "eunetworks", asn: undefined, name: "euNetworks", links: 1 },
];

const names = (sort: UpstreamSort) => sortUpstreamRows(upstreams(), sort).map((r) => r.name);

describe("the upstreams table", () => {
  it("lists the most links first by default, ties by name", () => {
    expect(names(DEFAULT_UPSTREAM_SORT)).toEqual([
      "China Unicom",
      "Orange",
      "euNetworks",
      "TransTeleCom",
    ]);
  });

  it("shows an AS number as AS<n> and leaves it blank for an operator without one", () => {
    const rows = sortUpstreamRows(upstreams(), DEFAULT_UPSTREAM_SORT);
    expect(rows[0]).toEqual({ key: "AS4837", name: "China Unicom", asn: "AS4837", links: 3 });
    expect(rows[1]).toEqual({ key: "orange", name: "Orange", asn: "", links: 3 });
  });

  it("sorts names without regard to case, either way", () => {
    expect(names({ column: "name", direction: "ascending" })).toEqual([
      "China Unicom",
      "euNetworks",
      "Orange",
      "TransTeleCom",
    ]);
    expect(names({ column: "name", direction: "descending" })).toEqual([
      "TransTeleCom",
      "Orange",
      "euNetworks",
      "China Unicom",
    ]);
  });

  it("sorts AS numbers as numbers, with operators without one last either way", () => {
    expect(names({ column: "asn", direction: "ascending" })).toEqual([
      "China Unicom",
      "TransTeleCom",
      "euNetworks",
      "Orange",
    ]);
    expect(names({ column: "asn", direction: "descending" })).toEqual([
      "TransTeleCom",
      "China Unicom",
      "euNetworks",
      "Orange",
    ]);
  });

  it("keeps ties in name order when the fewest links come first", () => {
    expect(names({ column: "links", direction: "ascending" })).toEqual([
      "euNetworks",
      "TransTeleCom",
      "China Unicom",
      "Orange",
    ]);
  });

  it("a click on the sorted column's header turns it around", () => {
    expect(nextUpstreamSort(DEFAULT_UPSTREAM_SORT, "links")).toEqual({
      column: "links",
      direction: "ascending",
    });
    expect(nextUpstreamSort({ column: "name", direction: "ascending" }, "name")).toEqual({
      column: "name",
      direction: "descending",
    });
  });

  it("a click on another column's header sorts names and numbers from the lowest, links from the most", () => {
    expect(nextUpstreamSort(DEFAULT_UPSTREAM_SORT, "name")).toEqual({
      column: "name",
      direction: "ascending",
    });
    expect(nextUpstreamSort(DEFAULT_UPSTREAM_SORT, "asn")).toEqual({
      column: "asn",
      direction: "ascending",
    });
    expect(nextUpstreamSort({ column: "name", direction: "descending" }, "links")).toEqual({
      column: "links",
      direction: "descending",
    });
  });
});
