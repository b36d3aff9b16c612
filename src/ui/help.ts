/** The keyboard help: `?` (or its button) lists every shortcut in a dialog; `Esc` closes it. */
import { h, isTyping } from "./dom";
import { returnFocus } from "./toolbar-menu";

/** Every shortcut of the app, grouped as a reader looks for them. */
export const SHORTCUTS: readonly { group: string; keys: readonly [string[], string][] }[] = [
  {
    group: "Anywhere",
    keys: [
      [["/"], "Search places, links, networks, countries and events"],
      [["?"], "Show this list of shortcuts"],
      [["Space"], "Play or pause the timeline"],
      [["["], "Go to the previous event"],
      [["]"], "Go to the next event"],
      [["C"], "Compare two dates (again: stop comparing)"],
      [["P"], "Present the dataset's story"],
      [["Esc"], "Close a dialog, or clear the selection"],
      [["Tab"], "Move between controls (Shift+Tab: back)"],
    ],
  },
  {
    group: "On the timeline (Date slider)",
    keys: [
      [["←", "→"], "One step back or forward (the step is shown beside the slider)"],
      [["PgUp", "PgDn"], "One year forward or back"],
      [["Home", "End"], "First or last date"],
    ],
  },
  {
    group: "On the connectivity chart",
    keys: [[["←", "→"], "Previous or next change of the country's links"]],
  },
  {
    group: "Presenting a story",
    keys: [
      [["→", "Space", "PgDn"], "Next step"],
      [["←", "PgUp"], "Previous step"],
      [["1", "…", "9"], "Go to step 1 to 9"],
      [["Esc"], "Leave the story"],
    ],
  },
  {
    group: "In search results",
    keys: [
      [["↑", "↓"], "Move between results"],
      [["Enter"], "Go to the highlighted result"],
    ],
  },
];

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
  const close = h("button", { type: "button", class: "close", "aria-label": "Close" }, "×");
  const dialog = h(
    "dialog",
    { class: "help-dialog panel", "aria-labelledby": "help-title" },
    h("div", { class: "help-head" }, h("h2", { id: "help-title" }, "Keyboard shortcuts"), close),
    h(
      "div",
      { class: "help-groups" },
      ...SHORTCUTS.map(({ group, keys }) =>
        h(
          "section",
          {},
          h("h3", {}, group),
          h(
            "dl",
            {},
            ...keys.flatMap(([combo, what]) => [
              h("dt", {}, ...combo.flatMap((k, i) => [i > 0 && " ", h("kbd", {}, k)])),
              h("dd", {}, what),
            ]),
          ),
        ),
      ),
    ),
  );
  toolbar.append(button);
  document.body.append(dialog);

  const open = () => {
    if (!dialog.open) dialog.showModal();
  };
  button.addEventListener("click", open);
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("click", (e) => {
    if (e.target === dialog) dialog.close();
  });
  dialog.addEventListener("close", () => returnFocus(button));
  const onKey = (e: KeyboardEvent) => {
    if (dialog.open) {
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
    document.removeEventListener("keydown", onKey, { capture: true });
    if (dialog.open) dialog.close();
    button.remove();
    dialog.remove();
  };
}
