import { describe, expect, it } from "vitest";
import { focusAlpha, withAlpha } from "./layer-style";

const link = (id: string) => ({ link: { id } });

describe("focusAlpha", () => {
  it("keeps the alpha of every link when no country is in focus", () => {
    expect(focusAlpha(null, link("x"), 240)).toBe(240);
  });

  it("keeps the alpha of the focus's links and dims the others to 45", () => {
    const focus = new Set(["x"]);
    expect(focusAlpha(focus, link("x"), 240)).toBe(240);
    expect(focusAlpha(focus, link("y"), 240)).toBe(45);
  });

  it("never brightens a link drawn fainter than the dimmed ones", () => {
    expect(focusAlpha(new Set(["x"]), link("y"), 30)).toBe(30);
  });
});

describe("withAlpha", () => {
  it("adds an alpha to an RGB colour, in a new array", () => {
    const rgb = [1, 2, 3] as const;
    expect(withAlpha(rgb, 4)).toEqual([1, 2, 3, 4]);
    expect(withAlpha(rgb, 4)).not.toBe(withAlpha(rgb, 4));
  });
});
