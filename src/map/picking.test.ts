import { describe, expect, it } from "vitest";
import { linkIdOf } from "./picking";

describe("linkIdOf", () => {
  it("names the link a picked segment or border crossing belongs to", () => {
    expect(linkIdOf({ link: { id: "2africa" }, planned: true })).toBe("2africa");
    expect(linkIdOf({ link: { id: "ab" }, from: "KP", to: "CN" })).toBe("ab");
  });

  it("names none for a place, or for nothing picked", () => {
    expect(linkIdOf({ node: { id: "a" }, degree: 2 })).toBeNull();
    expect(linkIdOf(null)).toBeNull();
    expect(linkIdOf("ab")).toBeNull();
  });
});
