import { describe, expect, it } from "vitest";
import { fullDetailUrl, stillUrl } from "./detail-diff";

describe("fullDetailUrl", () => {
  it("adds detail=full to the query, before the hash", () => {
    expect(fullDetailUrl("http://h:1/#ds=gen-10000&anim=0")).toBe(
      "http://h:1/?detail=full#ds=gen-10000&anim=0",
    );
    expect(fullDetailUrl("http://h:1/?x=1#map=5/50/10")).toBe(
      "http://h:1/?x=1&detail=full#map=5/50/10",
    );
    expect(fullDetailUrl("http://h:1/")).toBe("http://h:1/?detail=full");
  });
});

describe("stillUrl", () => {
  it("turns the flow animation off, replacing what the hash said", () => {
    expect(stillUrl("http://h:1/#ds=gen-10000&anim=1&map=5/50/10")).toBe(
      "http://h:1/#ds=gen-10000&map=5/50/10&anim=0",
    );
    expect(stillUrl("http://h:1/")).toBe("http://h:1/#anim=0");
  });
});
