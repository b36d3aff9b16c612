import { describe, expect, it } from "vitest";
import { menuMove, menuRoleOf } from "./toolbar-menu-model";

describe("menuMove", () => {
  it("moves down and up one item, wrapping round at the ends", () => {
    expect(menuMove("ArrowDown", 0, 3)).toBe(1);
    expect(menuMove("ArrowDown", 2, 3)).toBe(0);
    expect(menuMove("ArrowUp", 0, 3)).toBe(2);
    expect(menuMove("ArrowUp", 2, 3)).toBe(1);
  });

  it("goes to the first or last item with Home and End", () => {
    expect(menuMove("Home", 2, 5)).toBe(0);
    expect(menuMove("End", 0, 5)).toBe(4);
  });

  it("starts from the first item (↓) or the last (↑) when no item has focus", () => {
    expect(menuMove("ArrowDown", -1, 4)).toBe(0);
    expect(menuMove("ArrowUp", -1, 4)).toBe(3);
  });

  it("closes on Escape and leaves on Tab, even with no items", () => {
    expect(menuMove("Escape", 1, 3)).toBe("close");
    expect(menuMove("Tab", 1, 3)).toBe("leave");
    expect(menuMove("Escape", -1, 0)).toBe("close");
  });

  it("ignores other keys, and moves nowhere in an empty menu", () => {
    expect(menuMove("a", 0, 3)).toBeNull();
    expect(menuMove("Enter", 0, 3)).toBeNull();
    expect(menuMove("ArrowDown", -1, 0)).toBeNull();
  });
});

describe("menuRoleOf", () => {
  it("makes a toggle a checkbox item and any other button a plain item", () => {
    expect(menuRoleOf(true)).toBe("menuitemcheckbox");
    expect(menuRoleOf(false)).toBe("menuitem");
  });
});
