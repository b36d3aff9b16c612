/** The legend: what colours, widths and markers mean, for the link kinds this dataset has. */
import { linkKindName } from "../layers/describe";
import { DATA_PALETTES, toHex } from "../layers/palette";
import { LINK_KINDS, type Topology } from "../model/schema";
import { type AppStore, watch } from "../state/store";
import { h } from "./dom";

export function setupLegend(root: HTMLElement, store: AppStore, topology: Topology): () => void {
  const kinds = LINK_KINDS.filter((kind) => topology.links.some((l) => l.kind === kind));
  // A disclosure: open on wide screens, folded on phones where the map needs the room.
  const section = h("details", { class: "legend panel", open: window.innerWidth > 700 });
  const body = h("div", {});
  section.append(h("summary", {}, "Legend"), body);
  root.append(section);
  const render = () => {
    const palette = DATA_PALETTES[store.getState().theme];
    body.replaceChildren(
      h(
        "ul",
        {},
        ...kinds.map((kind) =>
          h(
            "li",
            {},
            h("span", {
              class: `key key-line key-${kind}`,
              style: `--key: ${toHex(palette.links[kind])}`,
              "aria-hidden": "true",
            }),
            kind === "satellite"
              ? `${linkKindName(kind)} (arc: not on the ground)`
              : linkKindName(kind),
          ),
        ),
        h(
          "li",
          {},
          h("span", {
            class: "key key-line key-disrupted",
            style: `--key: ${toHex(palette.disrupted)}`,
            "aria-hidden": "true",
          }),
          "Disrupted: outage or attack",
        ),
        h(
          "li",
          {},
          h("span", {
            class: "key key-ring",
            style: `--key: ${toHex(palette.crossing)}`,
            "aria-hidden": "true",
          }),
          "Border crossing",
        ),
        h(
          "li",
          {},
          h("span", {
            class: "key key-dot",
            style: `--key: ${toHex(palette.node)}`,
            "aria-hidden": "true",
          }),
          "Place (size: number of links)",
        ),
      ),
      h(
        "p",
        { class: "legend-note" },
        "Width: fibre is drawn widest; moving pulses run from a link's origin to its far end.",
      ),
    );
  };
  render();
  const dispose = watch(store, (s) => s.theme, render);
  return () => {
    dispose();
    section.remove();
  };
}
