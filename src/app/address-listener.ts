import { dataParamOf } from "../remote/data-param";
import { isCatalogEntry } from "./history-entry";
import { navigate } from "./navigate";
import type { Context, Shell } from "./shell";

/**
 * Opens what the address names when it changes in a way the session's own address sync does not
 * handle (another `data=`, no session yet, Back to a catalog view a file was opened from). Call it
 * before any session starts: listeners registered before a session's address sync run before it,
 * so `stopImmediatePropagation` keeps the change from it. The listeners stay for the page's life.
 */
export function listenToAddress(shell: Shell, context: Context): void {
  const { state } = shell;
  const onAddressChange = (e: Event) => {
    // Another `data=` (or none where one was): this opens it, not the session's address sync,
    // which would otherwise write the address of what it shows over it.
    if (dataParamOf(location.hash) !== state.shownData) {
      e.stopImmediatePropagation();
      navigate(shell, context, location.hash);
      return;
    }
    // Before a session exists (or after it failed), a new address is opened afresh.
    if (e.type === "hashchange" && !state.session) navigate(shell, context, location.hash);
    if (e.type === "popstate" && state.shown?.file && isCatalogEntry((e as PopStateEvent).state)) {
      navigate(shell, context, location.hash);
    }
  };
  window.addEventListener("popstate", onAddressChange);
  window.addEventListener("hashchange", onAddressChange);
}
