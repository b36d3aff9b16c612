/**
 * The keyboard help: `?` (or its button) lists every shortcut in a dialog; `Esc` closes it. The
 * dialog (`help-dialog.ts`) is loaded when first asked for.
 */
import { h, isTyping } from "./dom";
import { returnFocus } from "./toolbar-menu";

export function setupHelp(toolbar: HTMLElement): () => void {
  const button = h(
    "button",
    {
      type: "button",
      class: "tool tool-help",
      "aria-label": "Keyboard shortcuts",
      "aria-keyshortcuts": "Shift+?",
      "aria-haspopup": "dialog",
      title: "Keyboard shortcuts (?)",
    },
    // "?" in the toolbar's row; its words in the phone's menu, where it is one item of a list.
    h("span", { class: "tool-short", "aria-hidden": "true" }, "?"),
    h("span", { class: "tool-long", "aria-hidden": "true" }, "Keyboard shortcuts"),
  );
  toolbar.append(button);
  let dialog: HTMLDialogElement | null = null;
  let loading: Promise<HTMLDialogElement> | null = null;
  let disposed = false;

  const open = () => {
    loading ??= import("./help-dialog").then(({ createHelpDialog }) => {
      const made = createHelpDialog();
      made.addEventListener("close", () => returnFocus(button));
      dialog = made;
      return made;
    });
    loading.then(
      (d) => {
        if (!disposed && !d.open) d.showModal();
      },
      () => {
        loading = null;
      },
    );
  };
  button.addEventListener("click", open);
  const onKey = (e: KeyboardEvent) => {
    if (dialog?.open) {
      // Keys belong to the dialog while it is open (the page behind it is inert).
      e.stopPropagation();
      return;
    }
    if (e.key !== "?" || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    if (document.querySelector("dialog[open]")) return;
    e.preventDefault();
    open();
  };
  document.addEventListener("keydown", onKey, { capture: true });
  return () => {
    disposed = true;
    document.removeEventListener("keydown", onKey, { capture: true });
    if (dialog?.open) dialog.close();
    button.remove();
    dialog?.remove();
  };
}
