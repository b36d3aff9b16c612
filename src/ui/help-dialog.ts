/**
 * The keyboard help's dialog, loaded when it is first asked for (`help.ts`): every shortcut of
 * the app, grouped as a reader looks for them.
 */
import { h } from "./dom";

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

/** The dialog listing SHORTCUTS, added to the page; its close button closes it. */
export function createHelpDialog(): HTMLDialogElement {
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
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("click", (e) => {
    if (e.target === dialog) dialog.close();
  });
  document.body.append(dialog);
  return dialog;
}
