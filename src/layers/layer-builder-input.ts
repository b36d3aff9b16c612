/** What the layer builder is handed on every call: the geometry, the view state and the clock. */
import type { ProjectionName, Selection, ThemeName } from "../state/store";
import type { CountryLabel } from "./country-label";
import type { DrawDetail } from "./detail/link-detail";
import type { LabelSide } from "./label-placement";
import type { LinkGeometry } from "./link-geometry";
import type { PlacesView } from "./places-view";

/**
 * One build's input. Lists, sets and maps are compared by identity to decide what to rebuild:
 * hand a new one only when its contents change.
 */
export interface LayerInput {
  readonly geometry: LinkGeometry;
  readonly countryLabels: readonly CountryLabel[];
  /** The current date as a day number. */
  readonly day: number;
  /** How long (days) a link glows after it appears and lingers as a ghost after it retires. */
  readonly fadeDays: number;
  readonly selection: Selection | null;
  /** The link under the pointer (its id), drawn whole with its places; none: `null` or absent. */
  readonly hoveredLink?: string | null;
  /** Links disrupted by an outage or attack in progress; a new set only when it changes. */
  readonly disrupted: ReadonlySet<string>;
  /** Nodes on at least one active link; a new set only when it changes. */
  readonly activeNodes: ReadonlySet<string>;
  readonly theme: ThemeName;
  readonly projection: ProjectionName;
  /** Which node labels to draw, and on which side of their point; a new map only when it changes. */
  readonly labelSides: ReadonlyMap<string, LabelSide>;
  /**
   * The places drawn (dots and clusters) and the zoom's scales for dots and lines; a new object
   * only when it changes. Absent: every place, at full size.
   */
  readonly places?: PlacesView;
  /**
   * Level of detail: of the links in service, which the flow layer draws (those in view) and how
   * finely (see `map/detail-view.ts`); a new object only when it changes. Absent: all, whole.
   */
  readonly detail?: DrawDetail | undefined;
  /** Flow animation on (false: links drawn still). */
  readonly animate: boolean;
  /** Seconds on the animation clock. */
  readonly time: number;
  /** Ids of the links the filters let through; `null`: all. A new set only when it changes. */
  readonly shown: ReadonlySet<string> | null;
  /** Country focus: ids of the country's cross-border links, drawn bright; the rest dim. */
  readonly focusLinks: ReadonlySet<string> | null;
  /** Compare mode: link ids by class; replaces the time-filtered links when set. */
  readonly compare: CompareSets | null;
  /**
   * Every layer, without the links, for the map to compile their shaders before its first frame
   * (`warmUp` in map-view), while the GPU is idle. A layer compiled after a large draw waits (in
   * a synchronous WebGL call) for that draw to finish: on software WebGL at 100k links, half a
   * minute.
   */
  readonly warmUp?: boolean;
  /**
   * The flow's surface draws without multisampling (where WebGL runs on the CPU, see
   * `map/deck-surfaces.ts`): its lines smooth their own edges, in the shader.
   */
  readonly smoothEdges?: boolean;
}

/** Link ids active only at date A, only at date B, and at both. */
export interface CompareSets {
  readonly onlyA: ReadonlySet<string>;
  readonly onlyB: ReadonlySet<string>;
  readonly both: ReadonlySet<string>;
}
