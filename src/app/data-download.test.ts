import { describe, expect, it } from "vitest";
import { LoadError } from "../model/load";
import type { DataRequest } from "../remote/data-param";
import {
  dataFailureMessage,
  dataNameOf,
  downloadText,
  fetchOptionsFor,
  megabytes,
} from "./data-download";

const sameOrigin = (): DataRequest => ({
  kind: "same-origin",
  url: "https://uplinks.example/app/data/cuba.topology.json",
  label: "data/cuba.topology.json",
});
const crossOrigin = (): DataRequest => ({
  kind: "cross-origin",
  url: "https://example.org/atlas/cuba.json",
  origin: "https://example.org",
});
const refused = (): DataRequest => ({ kind: "refused", reason: "data=ftp://x: refused" });

describe("fetchOptionsFor", () => {
  it("sends another site no cookies and no referrer, in CORS mode", () => {
    expect(
      fetchOptionsFor({ kind: "cross-origin", url: "https://example.org/a.json", origin: "x" }),
    ).toEqual({ credentials: "omit", referrerPolicy: "no-referrer", mode: "cors" });
  });

  it("sends this site its own cookies", () => {
    expect(
      fetchOptionsFor({ kind: "same-origin", url: "https://uplinks.example/a.json", label: "a" }),
    ).toEqual({ credentials: "same-origin" });
  });
});

describe("megabytes", () => {
  it("gives bytes in binary megabytes with one decimal", () => {
    expect(megabytes(0)).toBe("0.0 MB");
    expect(megabytes(1_048_576)).toBe("1.0 MB");
    expect(megabytes(2_621_440)).toBe("2.5 MB");
  });
});

describe("dataNameOf", () => {
  it("names a file on this site as written, another site's by its address, and else the value", () => {
    expect(dataNameOf(sameOrigin(), " data/cuba.topology.json")).toBe("data/cuba.topology.json");
    expect(dataNameOf(crossOrigin(), "https://example.org/atlas/cuba.json")).toBe(
      "https://example.org/atlas/cuba.json",
    );
    expect(dataNameOf(refused(), "ftp://x")).toBe("ftp://x");
  });
});

describe("downloadText", () => {
  it("says how much has come, and of how much when the server says", () => {
    expect(downloadText("a.json", 1_048_576, 4_194_304)).toBe("Loading a.json… 1.0 MB of 4.0 MB");
    expect(downloadText("a.json", 1_048_576, null)).toBe("Loading a.json… 1.0 MB");
  });
});

describe("dataFailureMessage", () => {
  it("adds, for another site that could not be reached, that it may refuse CORS", () => {
    const error = new LoadError("x", "network", "x: network error");
    expect(dataFailureMessage(crossOrigin(), error)).toBe(
      "x: network error\nhttps://example.org could not be reached, or it does not let other sites read this file (CORS).",
    );
  });

  it("gives the error's own message for other failures, and for this site", () => {
    expect(dataFailureMessage(crossOrigin(), new LoadError("x", "http", "x: HTTP 404"))).toBe(
      "x: HTTP 404",
    );
    expect(dataFailureMessage(sameOrigin(), new LoadError("x", "network", "x: offline"))).toBe(
      "x: offline",
    );
    expect(dataFailureMessage(refused(), new Error("data=ftp://x: refused"))).toBe(
      "data=ftp://x: refused",
    );
  });
});
