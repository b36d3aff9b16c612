/**
 * On a phone the toolbar folds into one "Menu" button (the WAI-ARIA menu button pattern): the
 * toolbar becomes its menu and each of its buttons a menu item; a toggle (Globe, the theme) is a
 * menu item checkbox, its pressed state read as checked. Enter, Space or ↓ open the menu on its
 * first item (↑: on its last); ↑/↓/Home/End move; Esc closes it and returns to the button; Tab
 * leaves it. An item that does something else than toggle (present, share, export…) closes it.
 * On wider screens the toolbar stays the row of buttons it was, untouched.
 *
 * The buttons belong to their own modules (story, share, export, help…), which add them to the
 * toolbar in any order: this file only gives them roles while the toolbar is folded, and follows
 * the ones added later. It is loaded the first time the screen is a phone's (`toolbar-menu.ts`).
 */
import { menuMove, menuRoleOf } from "./toolbar-menu-model";

/** Sets `name` to `value` (null: removes it) only when it differs, so observers see real changes. */
function setAttr(el: Element, name: string, value: string | null): void {
  if (el.getAttribute(name) === value) return;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

/**
 * Folds `root` (the toolbar) into the menu of `button` while `media` (the phone's) matches;
 * returns the disposer.
 */
export function foldToolbar(
  root: HTMLElement,
  button: HTMLButtonElement,
  media: MediaQueryList,
): () => void {
  const { id } = button;
  const label = root.getAttribute("aria-label");
  let open = false;

  const items = () =>
    [...root.children].filter((el): el is HTMLButtonElement => el instanceof HTMLButtonElement);
  const enabled = () => items().filter((item) => !item.disabled);
  const isItem = (el: Element | null) => items().some((item) => item === el);

  /** Menu roles while folded (pressed → checked); the toolbar's own when not. */
  const applyRoles = () => {
    const folded = media.matches;
    setAttr(root, "role", folded ? "menu" : "toolbar");
    setAttr(root, "aria-labelledby", folded ? id : null);
    setAttr(root, "aria-label", folded ? null : label);
    for (const item of items()) {
      const pressed = item.getAttribute("aria-pressed");
      const checked = item.getAttribute("aria-checked");
      if (folded) {
        setAttr(item, "role", menuRoleOf(pressed !== null || checked !== null));
        setAttr(item, "tabindex", "-1");
        if (pressed !== null) {
          setAttr(item, "aria-checked", pressed);
          setAttr(item, "aria-pressed", null);
        }
      } else {
        if (checked !== null) {
          setAttr(item, "aria-pressed", checked);
          setAttr(item, "aria-checked", null);
        }
        setAttr(item, "role", null);
        setAttr(item, "tabindex", null);
      }
    }
  };

  const setOpen = (next: boolean) => {
    open = next;
    root.classList.toggle("menu-open", next);
    button.setAttribute("aria-expanded", String(next));
  };
  const openOn = (index: number) => {
    setOpen(true);
    const list = enabled();
    list[index < 0 ? list.length - 1 : index]?.focus();
  };

  const onButtonClick = () => {
    if (open) setOpen(false);
    else openOn(0);
  };
  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    openOn(e.key === "ArrowDown" ? 0 : -1);
  };

  const onMenuKey = (e: KeyboardEvent) => {
    if (!media.matches || !open) return;
    const list = enabled();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    // Keys typed elsewhere in the toolbar (the share panel's fields) are theirs.
    if (index < 0) return;
    const move = menuMove(e.key, index, list.length);
    if (move === null) return;
    if (move === "leave") {
      // Tab goes on from the Menu button, as if the menu had not been there.
      setOpen(false);
      button.focus();
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    if (move === "close") {
      setOpen(false);
      button.focus();
    } else list[move]?.focus();
  };

  // An item's own action runs first (target phase): then an action that is not a toggle closes
  // the menu, and focus left on the folded item goes back to the Menu button.
  const onMenuClick = (e: MouseEvent) => {
    if (!media.matches || !open) return;
    const item = items().find((el) => el.contains(e.target as Node));
    if (!item || item.getAttribute("role") === "menuitemcheckbox") return;
    setOpen(false);
    if (document.activeElement === item) button.focus();
  };
  const onPointerDown = (e: PointerEvent) => {
    const target = e.target as Node;
    if (open && !root.contains(target) && !button.contains(target)) setOpen(false);
  };
  const onFocusOut = (e: FocusEvent) => {
    const to = e.relatedTarget as Node | null;
    if (open && to && !root.contains(to) && to !== button) setOpen(false);
  };
  // A dialog opened from the folded menu (Export) gives focus back to its hidden button, which
  // cannot take it: the Menu button does.
  const onDialogClose = () =>
    setTimeout(() => {
      const at = document.activeElement;
      if (media.matches && !open && (at === document.body || isItem(at))) button.focus();
    }, 0);
  const onMedia = () => {
    setOpen(false);
    applyRoles();
  };

  applyRoles();
  const observer = new MutationObserver(applyRoles);
  observer.observe(root, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["aria-pressed"],
  });
  button.addEventListener("click", onButtonClick);
  button.addEventListener("keydown", onButtonKey);
  root.addEventListener("keydown", onMenuKey);
  root.addEventListener("click", onMenuClick);
  root.addEventListener("focusout", onFocusOut);
  document.addEventListener("pointerdown", onPointerDown);
  document.addEventListener("close", onDialogClose, { capture: true });
  media.addEventListener("change", onMedia);

  return () => {
    observer.disconnect();
    media.removeEventListener("change", onMedia);
    document.removeEventListener("pointerdown", onPointerDown);
    document.removeEventListener("close", onDialogClose, { capture: true });
    root.removeEventListener("keydown", onMenuKey);
    root.removeEventListener("click", onMenuClick);
    root.removeEventListener("focusout", onFocusOut);
    root.classList.remove("menu-open");
    setAttr(root, "role", "toolbar");
    setAttr(root, "aria-labelledby", null);
    setAttr(root, "aria-label", label);
  };
}
