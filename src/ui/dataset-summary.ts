/** A text summary of a dataset: what it covers and which links it holds, with their dates. */
import type { Topology } from "../model/schema";

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
};

/** Renders `topology` into `root` (as text only: dataset strings never become HTML). */
export function setupDatasetSummary(root: HTMLElement, topology: Topology): () => void {
  const section = el("section");
  section.className = "dataset";
  section.setAttribute("aria-labelledby", "dataset-title");
  const title = el("h2", topology.title);
  title.id = "dataset-title";
  const meta = el(
    "p",
    `${topology.timeRange[0]} – ${topology.timeRange[1]} · ${topology.links.length} links · ${topology.sources.length} sources`,
  );
  meta.className = "meta";
  const list = el("ul");
  list.setAttribute("aria-label", "Links");
  for (const link of topology.links) {
    const spans = link.active.map((i) => `${i.from} – ${i.to ?? "today"}`).join(", ");
    list.append(el("li", `${link.name} (${link.kind}, ${spans}, ${Math.round(link.lengthKm)} km)`));
  }
  section.append(title, el("p", topology.description), meta, list);
  root.append(section);
  return () => section.remove();
}
