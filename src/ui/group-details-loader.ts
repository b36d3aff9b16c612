/** The panel of a clicked cluster or bundle (`group-details.ts`), loaded on the first click. */
import type { InspectedGroup } from "../layers/describe-group";
import type { AppStore } from "../state/store";

export interface GroupPanel {
  /** Shows what `group` holds; `zoomIn` frames it closer. */
  show(group: InspectedGroup, zoomIn: () => void): void;
  hide(): void;
  dispose(): void;
}

/** A `GroupPanel` in `root` whose code is loaded when it is first shown. */
export function lazyGroupDetails(root: HTMLElement, store: AppStore): GroupPanel {
  let panel: Promise<GroupPanel> | null = null;
  let disposed = false;
  return {
    show(group, zoomIn) {
      panel ??= import("./group-details").then((m) => m.setupGroupDetails(root, store));
      panel.then(
        (p) => {
          if (!disposed) p.show(group, zoomIn);
        },
        () => {
          panel = null;
        },
      );
    },
    hide: () => void panel?.then((p) => p.hide()),
    dispose() {
      disposed = true;
      void panel?.then((p) => p.dispose());
    },
  };
}
