/**
 * Sharing (DESIGN §5): "Copy link" copies the permalink of the current view; "Share" opens a panel
 * with the link and an `<iframe>` snippet. Without clipboard permission, the text is shown selected
 * in a field, ready for the keyboard's copy.
 */
import { h } from "./dom";
import { returnFocus } from "./toolbar-menu";

export interface ShareSource {
  /** The address of the current view. */
  readonly permalink: () => string;
  /** The address of the current view for an iframe (`embed=1`). */
  readonly embedLink: () => string;
  /** A title for the iframe, for assistive technology. */
  readonly title: () => string;
}

/** Copies `text`; false when the browser refuses (no permission, insecure context). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export const iframeSnippet = (src: string, title: string) =>
  `<iframe src="${src.replace(/"/g, "&quot;")}" title="${title.replace(/"/g, "&quot;")}" width="960" height="540" style="border:0" loading="lazy" allow="fullscreen"></iframe>`;

export function setupShare(root: HTMLElement, source: ShareSource): () => void {
  const status = h("span", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  const copyButton = h("button", { type: "button", class: "tool" }, "Copy link");
  const shareButton = h(
    "button",
    { type: "button", class: "tool", "aria-haspopup": "dialog", "aria-expanded": "false" },
    "Share",
  );

  const linkField = h("input", {
    type: "text",
    readonly: true,
    "aria-label": "Link to this view",
    spellcheck: "false",
  });
  const embedField = h("textarea", {
    readonly: true,
    rows: 3,
    "aria-label": "Embed code",
    spellcheck: "false",
  });
  const copyLinkInPanel = h("button", { type: "button", class: "tool" }, "Copy");
  const copyEmbed = h("button", { type: "button", class: "tool" }, "Copy code");
  const hint = h("p", { class: "share-hint" });
  const panel = h(
    "div",
    { class: "share-panel panel", role: "dialog", "aria-label": "Share this view", hidden: true },
    h(
      "label",
      {},
      h("span", {}, "Link"),
      h("div", { class: "share-row" }, linkField, copyLinkInPanel),
    ),
    h(
      "label",
      {},
      h("span", {}, "Embed in a page"),
      h("div", { class: "share-row" }, embedField, copyEmbed),
    ),
    hint,
  );
  root.append(status, copyButton, shareButton, panel);

  let reset: ReturnType<typeof setTimeout> | undefined;
  const confirm = (button: HTMLButtonElement, label: string, done: string) => {
    button.textContent = done;
    status.textContent = done;
    clearTimeout(reset);
    reset = setTimeout(() => {
      button.textContent = label;
      status.textContent = "";
    }, 2000);
  };

  const openPanel = (open: boolean) => {
    panel.hidden = !open;
    shareButton.setAttribute("aria-expanded", String(open));
    if (open) {
      linkField.value = source.permalink();
      embedField.value = iframeSnippet(source.embedLink(), source.title());
      hint.textContent = "";
      linkField.focus();
      linkField.select();
    }
  };

  /** Copies, or else shows the text selected in its field with a hint to copy it by hand. */
  const copyOrSelect = async (
    text: string,
    field: HTMLInputElement | HTMLTextAreaElement,
    button: HTMLButtonElement,
    label: string,
  ) => {
    if (await copyText(text)) {
      confirm(button, label, "Copied ✓");
      return;
    }
    if (panel.hidden) openPanel(true);
    field.focus();
    field.select();
    hint.textContent =
      "The browser did not allow copying: the text is selected, press Ctrl+C (⌘C) to copy it.";
    status.textContent = hint.textContent;
  };

  copyButton.addEventListener("click", async () => {
    const link = source.permalink();
    if (await copyText(link)) confirm(copyButton, "Copy link", "Link copied ✓");
    else {
      openPanel(true);
      await copyOrSelect(link, linkField, copyLinkInPanel, "Copy");
    }
  });
  shareButton.addEventListener("click", () => openPanel(!!panel.hidden));
  copyLinkInPanel.addEventListener("click", () =>
    copyOrSelect(linkField.value, linkField, copyLinkInPanel, "Copy"),
  );
  copyEmbed.addEventListener("click", () =>
    copyOrSelect(embedField.value, embedField, copyEmbed, "Copy code"),
  );

  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape" && !panel.hidden) {
      openPanel(false);
      returnFocus(shareButton);
    }
  };
  const onPointer = (e: PointerEvent) => {
    if (!panel.hidden && !panel.contains(e.target as Node) && e.target !== shareButton)
      openPanel(false);
  };
  document.addEventListener("keydown", onKey);
  document.addEventListener("pointerdown", onPointer);
  return () => {
    clearTimeout(reset);
    document.removeEventListener("keydown", onKey);
    document.removeEventListener("pointerdown", onPointer);
    for (const el of [status, copyButton, shareButton, panel]) el.remove();
  };
}
