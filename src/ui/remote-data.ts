/**
 * What the page shows about data from another site (`data=https://…`): the question asked before
 * it is fetched, and the banner that names its origin while it is shown. Text only: the origin
 * and address are inserted as text, never as markup.
 */
import "./remote-data.css";
import { h } from "./dom";

/** Where the data comes from. */
export interface RemoteSource {
  /** `https://example.org` */
  readonly origin: string;
  /** The file's full address. */
  readonly url: string;
}

let prompts = 0;

/**
 * Asks whether to load data from `source`. Resolves `true` for Load, `false` for Cancel (or
 * Escape, or `signal` aborting, e.g. because the address changed again). The question is removed
 * once answered.
 */
export function confirmRemoteData(
  root: HTMLElement,
  source: RemoteSource,
  signal?: AbortSignal,
): Promise<boolean> {
  const id = `remote-data-${++prompts}`;
  const load = h("button", { type: "button", class: "tool primary" }, "Load");
  const cancel = h("button", { type: "button", class: "tool" }, "Cancel");
  const dialog = h(
    "div",
    {
      class: "remote-confirm panel",
      role: "alertdialog",
      "aria-labelledby": `${id}-question`,
      "aria-describedby": `${id}-url`,
    },
    h(
      "p",
      { id: `${id}-question`, class: "remote-question" },
      `Load data from ${source.origin}? It was not checked by Uplinks.`,
    ),
    h("p", { id: `${id}-url`, class: "remote-url" }, source.url),
    h("div", { class: "remote-actions" }, load, cancel),
  );
  return new Promise((resolve) => {
    const answer = (yes: boolean) => {
      dialog.remove();
      signal?.removeEventListener("abort", onAbort);
      resolve(yes);
    };
    const onAbort = () => answer(false);
    if (signal?.aborted) {
      resolve(false);
      return;
    }
    signal?.addEventListener("abort", onAbort);
    load.addEventListener("click", () => answer(true));
    cancel.addEventListener("click", () => answer(false));
    dialog.addEventListener("keydown", (e) => {
      if (e.key === "Escape") answer(false);
    });
    root.append(dialog);
    // Enter on the focused button must not load by accident: Cancel has the focus.
    cancel.focus();
  });
}

/** Shows, until disposed, that the map shows data from `source`, not checked by Uplinks. */
export function showRemoteBanner(root: HTMLElement, source: RemoteSource): () => void {
  const banner = h(
    "div",
    { class: "remote-banner panel", role: "note", "aria-label": "Data source" },
    h("p", {}, "Data from ", h("strong", {}, source.origin), " — not checked by Uplinks"),
    h("p", { class: "remote-url" }, source.url),
  );
  root.append(banner);
  return () => banner.remove();
}
