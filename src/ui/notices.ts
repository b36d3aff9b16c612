/** Messages to the user: dismissible notices (role="status") and blocking alerts (role="alert"). */
import { h } from "./dom";

/** Shows a dismissible notice listing `lines` under `title`. */
export function showNotice(root: HTMLElement, title: string, lines: readonly string[]): () => void {
  const dismiss = h(
    "button",
    { type: "button", class: "close", "aria-label": "Dismiss notice" },
    "×",
  );
  const notice = h(
    "div",
    { class: "notice", role: "status" },
    h("div", {}, h("strong", {}, title), h("ul", {}, ...lines.map((line) => h("li", {}, line)))),
    dismiss,
  );
  const remove = () => notice.remove();
  dismiss.addEventListener("click", remove);
  root.append(notice);
  return remove;
}

/** Shows an alert that names what failed. */
export function showAlert(root: HTMLElement, title: string, message: string): () => void {
  const alert = h(
    "div",
    { class: "alert", role: "alert" },
    h("strong", {}, title),
    h("pre", {}, message),
  );
  root.append(alert);
  return () => alert.remove();
}
