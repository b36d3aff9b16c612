/** The hover tooltip over the map: a title and a few lines, placed beside the pointer. */
import { describePick } from "../layers/describe";
import { h } from "./dom";

export interface Tooltip {
  show(pick: { layerId: string; object: unknown; x: number; y: number } | null): void;
  dispose(): void;
}

export function createTooltip(container: HTMLElement): Tooltip {
  const tip = h("div", { class: "tooltip", role: "tooltip", hidden: true });
  container.append(tip);
  return {
    show(pick) {
      const description = pick && describePick(pick.layerId, pick.object);
      if (!pick || !description) {
        tip.hidden = true;
        return;
      }
      tip.replaceChildren(
        h("strong", {}, description.title),
        ...description.lines.map((line) => h("span", {}, line)),
      );
      tip.hidden = false;
      const flip = pick.x > container.clientWidth - 280;
      tip.style.transform = `translate(${flip ? pick.x - tip.offsetWidth - 14 : pick.x + 14}px, ${pick.y + 14}px)`;
    },
    dispose: () => tip.remove(),
  };
}
