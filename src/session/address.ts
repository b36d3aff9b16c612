/**
 * A session's address: what the address sync needs to know of the dataset, the sync itself, and
 * links to the view now (the embed code's, and an embedded view's way out to the full app).
 */
import type { Topology } from "../model/schema";
import { clampDate } from "../model/time-steps";
import { openingDate } from "../state/selectors";
import type { AppStore } from "../state/store";
import { h } from "../ui/dom";
import { encode, formatUrlProblem, type UrlProblem, type UrlState } from "../url/codec";
import { setupUrlSync, toUrlState, type UrlSession } from "../url/sync";

/** What the address sync knows of `topology` beyond the store; `range`: the timeline's. */
export function urlSessionOf(
  topology: Topology,
  url: UrlState,
  defaultDataset: string,
  range: readonly [string, string],
): UrlSession {
  return {
    topology,
    defaultDate: openingDate(topology),
    clampDate: (date) => clampDate(date, range[0], range[1]),
    embed: url.embed ?? false,
    defaultDataset,
    unknown: url.unknown ?? [],
  };
}

export interface SessionAddress {
  /** The address of the view now. */
  permalink(): string;
  /** The address of the view now, embedded (`true`) or in the full app. */
  linkTo(embed: boolean): string;
  dispose(): void;
}

export interface SessionAddressHandlers {
  /** The address now names another dataset. */
  readonly onDatasetChange: (hash: string) => void;
  /** Lines for the notice of what the address said that was ignored. */
  readonly onNotice: (title: string, lines: readonly string[]) => void;
}

/** Keeps the address in step with `store`; embedded, adds the link that opens the full view. */
export function setupSessionAddress(
  store: AppStore,
  urlSession: UrlSession,
  handlers: SessionAddressHandlers,
): SessionAddress {
  const { topology } = urlSession;
  // Embedded, the one way out is a link to the full view in Uplinks.
  const openFull = urlSession.embed
    ? h(
        "a",
        { class: "embed-open", href: "#", target: "_blank", rel: "noopener" },
        `${topology.title} · open in Uplinks ↗`,
      )
    : null;

  const sync = setupUrlSync(store, urlSession, {
    onDatasetChange: handlers.onDatasetChange,
    onProblems: (problems: readonly UrlProblem[]) =>
      handlers.onNotice("Some of the address was ignored:", problems.map(formatUrlProblem)),
  });
  const linkTo = (embed: boolean) => {
    const base = `${location.origin}${location.pathname}${location.search}`;
    return `${base}${encode({ ...toUrlState(store.getState(), urlSession), embed }, topology)}`;
  };

  let unsubscribeOpenFull = () => {};
  if (openFull) {
    const update = () => {
      openFull.href = linkTo(false);
    };
    update();
    unsubscribeOpenFull = store.subscribe(update);
    document.body.append(openFull);
  }

  return {
    permalink: sync.permalink,
    linkTo,
    dispose() {
      sync.dispose();
      openFull?.remove();
      unsubscribeOpenFull();
    },
  };
}
