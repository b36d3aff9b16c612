/**
 * The keys of the phone's toolbar menu (WAI-ARIA menu button pattern), as pure decisions: where a
 * key sends focus among the items, or whether it closes or leaves the menu.
 */

/** An item's index to focus, "close" (back to the Menu button), "leave" (Tab on), or null: not a menu key. */
export type MenuMove = number | "close" | "leave" | null;

/** Where `key` moves from item `index` of `count` items: ↑/↓ wrap round, Home/End go to the ends. */
export function menuMove(key: string, index: number, count: number): MenuMove {
  if (key === "Escape") return "close";
  if (key === "Tab") return "leave";
  if (count === 0) return null;
  switch (key) {
    case "ArrowDown":
      return index < 0 ? 0 : (index + 1) % count;
    case "ArrowUp":
      return index < 0 ? count - 1 : (index - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

/** The menu role of a toolbar button: a toggle (it has a pressed or checked state) is a checkbox item. */
export const menuRoleOf = (toggle: boolean): "menuitemcheckbox" | "menuitem" =>
  toggle ? "menuitemcheckbox" : "menuitem";
