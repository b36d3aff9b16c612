/**
 * The overlay of exported images and clips, drawn with Canvas 2D over the map's frame: the
 * dataset's title, the selection, a large date stamp, the legend, the credit the data's license
 * asks for (as the map's attribution control shows it) and the attribution line. The
 * page's panels are DOM, not in the map's canvas; this is their clean, slide-ready stand-in.
 */
import { linkKindName } from "../layers/describe";
import type { RGB } from "../layers/palette";
import { attributionText } from "../map/dataset-credit";
import type { Topology } from "../model/schema";
import { formatDateLong } from "../model/time-steps";
import type { AppState, ThemeName } from "../state/store";
import { attributionPublishers, buildAttribution, wrapText } from "./attribution";
import { buildLegendEntries, type LegendEntry } from "./legend-entries";

export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** What the overlay says; everything but the date stays the same through a clip. */
export interface OverlayContent {
  readonly title: string;
  /** ISO date; drawn as "1 Oct 2017". */
  readonly date: string;
  readonly selection: { readonly label: string; readonly name: string } | null;
  readonly legend: readonly LegendEntry[];
  readonly publishers: readonly string[];
  /** The credit the data's license asks for ("" for none): drawn whole, on a line of its own. */
  readonly credit: string;
  readonly theme: ThemeName;
}

/** The overlay's content for the view state `state`. */
export function overlayContent(
  topology: Topology,
  state: Pick<AppState, "date" | "selection" | "theme">,
): OverlayContent {
  const { selection } = state;
  const link =
    selection?.kind === "link" ? topology.links.find((l) => l.id === selection.id) : undefined;
  const node =
    selection?.kind === "node" ? topology.nodes.find((n) => n.id === selection.id) : undefined;
  return {
    title: topology.title,
    date: state.date,
    selection: link
      ? { label: `Selected · ${linkKindName(link.kind)}`, name: link.name }
      : node
        ? { label: "Selected place", name: node.name }
        : null,
    legend: buildLegendEntries(topology, state.theme),
    publishers: attributionPublishers(topology, selection),
    credit: attributionText(topology),
    theme: state.theme,
  };
}

/** The page's colours (style.css `:root`), for text drawn over the map. */
const INK: Readonly<
  Record<
    ThemeName,
    { bg: RGB; text: string; muted: string; accent: string; panel: string; line: string }
  >
> = {
  dark: {
    bg: [11, 18, 32],
    text: "#e8eef7",
    muted: "#9fb0c8",
    accent: "#35d0ff",
    panel: "rgba(16, 24, 40, 0.86)",
    line: "rgba(148, 163, 184, 0.28)",
  },
  light: {
    bg: [244, 246, 249],
    text: "#111827",
    muted: "#4b5563",
    accent: "#0070b4",
    panel: "rgba(255, 255, 255, 0.9)",
    line: "rgba(30, 41, 59, 0.18)",
  },
};

/** The basemap's backdrop colour for `theme`: what letterbox bars are filled with. */
export const backdropColor = (theme: ThemeName): string => {
  const [r, g, b] = INK[theme].bg;
  return `rgb(${r}, ${g}, ${b})`;
};

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
/** Below this many layout pixels of width, the whole overlay is scaled down to fit. */
const MIN_LAYOUT_WIDTH = 760;

const rgba = ([r, g, b]: RGB, a: number) => `rgba(${r}, ${g}, ${b}, ${a})`;

/** `text`, cut with an ellipsis to fit `maxWidth` in the current font. */
function fitText(ctx: Context2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ctx.measureText(`${text.slice(0, mid).trimEnd()}…`).width <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}

function roundedRect(ctx: Context2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

function drawKey(ctx: Context2D, entry: LegendEntry, x: number, y: number, u: number) {
  const color = rgba(entry.color, 1);
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineCap = entry.key === "dashed" ? "butt" : "round";
  if (entry.key === "ring") {
    ctx.lineWidth = 2 * u;
    ctx.beginPath();
    ctx.arc(x + 14 * u, y, 5.5 * u, 0, Math.PI * 2);
    ctx.stroke();
  } else {
    ctx.lineWidth = 4 * u;
    if (entry.key === "dashed") ctx.setLineDash([5 * u, 4 * u]);
    ctx.beginPath();
    ctx.moveTo(x + 2 * u, y);
    ctx.lineTo(x + 26 * u, y);
    ctx.stroke();
  }
  ctx.restore();
}

/** The credit's type: the attribution line's size, a little heavier, in the text's colour. */
const CREDIT_FONT = (u: number) => `500 ${12.5 * u}px ${FONT}`;
/** The height of a line of the credit, in layout pixels. */
const CREDIT_LINE = 17;

/**
 * The credit `text` in lines of at most `maxWidth` (in the credit's font), broken between words:
 * a license's credit is drawn whole, not cut. At most three lines, the last cut if it must be.
 */
function creditLayout(ctx: Context2D, text: string, maxWidth: number, u: number): string[] {
  ctx.save();
  ctx.font = CREDIT_FONT(u);
  const lines = wrapText(text, (line) => ctx.measureText(line).width <= maxWidth, 3);
  const last = lines.length - 1;
  if (last >= 0) lines[last] = fitText(ctx, lines[last] as string, maxWidth);
  ctx.restore();
  return lines;
}

/**
 * Draws `content` over a `width` × `height` frame; `unit` is the size of one layout pixel in
 * output pixels (the pixel ratio the map was drawn at), so text keeps its size next to the map's
 * own labels.
 */
export function drawOverlay(
  ctx: Context2D,
  content: OverlayContent,
  frame: { readonly width: number; readonly height: number; readonly unit: number },
): void {
  const { width: W, height: H } = frame;
  const u = Math.min(frame.unit, W / MIN_LAYOUT_WIDTH);
  const ink = INK[content.theme];
  const margin = 30 * u;
  ctx.save();
  ctx.textBaseline = "alphabetic";
  ctx.textAlign = "left";
  const spaced = (em: number) => {
    if ("letterSpacing" in ctx) ctx.letterSpacing = `${em}em`;
  };

  // Top: eyebrow, title, selection — over a scrim that fades into the map.
  const textBottom = margin + (content.selection ? 82 : 54) * u;
  const topHeight = textBottom + 56 * u;
  const top = ctx.createLinearGradient(0, 0, 0, topHeight);
  top.addColorStop(0, rgba(ink.bg, 0.88));
  top.addColorStop(textBottom / topHeight, rgba(ink.bg, 0.74));
  top.addColorStop(1, rgba(ink.bg, 0));
  ctx.fillStyle = top;
  ctx.fillRect(0, 0, W, topHeight);

  const textWidth = W - 2 * margin;
  let y = margin + 12 * u;
  ctx.font = `700 ${12 * u}px ${FONT}`;
  spaced(0.18);
  ctx.fillStyle = ink.accent;
  ctx.fillText("UPLINKS", margin, y);
  spaced(0);
  y += 32 * u;
  ctx.font = `650 ${28 * u}px ${FONT}`;
  ctx.fillStyle = ink.text;
  ctx.fillText(fitText(ctx, content.title, textWidth * 0.8), margin, y);
  if (content.selection) {
    y += 28 * u;
    ctx.font = `600 ${13 * u}px ${FONT}`;
    spaced(0.06);
    const label = `${content.selection.label.toUpperCase()}  `;
    ctx.fillStyle = ink.muted;
    ctx.fillText(label, margin, y);
    const labelWidth = ctx.measureText(label).width;
    spaced(0);
    ctx.font = `600 ${18 * u}px ${FONT}`;
    ctx.fillStyle = ink.text;
    ctx.fillText(
      fitText(ctx, content.selection.name, textWidth * 0.8 - labelWidth),
      margin + labelWidth,
      y,
    );
  }

  // Bottom: the legend (right), the date stamp (left), and under both the data's credit and the
  // attribution line.
  const attributionBaseline = H - 22 * u;
  const creditLines = content.credit ? creditLayout(ctx, content.credit, textWidth, u) : [];
  const creditBaseline = attributionBaseline - CREDIT_LINE * u * creditLines.length;
  const dateBaseline = creditBaseline - 30 * u;
  const rowHeight = 24 * u;
  const legendPad = 12 * u;
  ctx.font = `500 ${14.5 * u}px ${FONT}`;
  const legendTextWidth = Math.max(0, ...content.legend.map((e) => ctx.measureText(e.label).width));
  const legendWidth = legendPad * 2 + 36 * u + legendTextWidth;
  const legendHeight = legendPad * 2 + rowHeight * content.legend.length - 6 * u;
  const legendBottom = creditBaseline - 24 * u;
  const legendTop = legendBottom - legendHeight;
  const bottomTop = Math.min(dateBaseline - 58 * u, legendTop) - 48 * u;

  const bottom = ctx.createLinearGradient(0, bottomTop, 0, H);
  bottom.addColorStop(0, rgba(ink.bg, 0));
  bottom.addColorStop(0.45, rgba(ink.bg, 0.6));
  bottom.addColorStop(1, rgba(ink.bg, 0.88));
  ctx.fillStyle = bottom;
  ctx.fillRect(0, bottomTop, W, H - bottomTop);

  if (content.legend.length > 0) {
    const left = W - margin - legendWidth;
    roundedRect(ctx, left, legendTop, legendWidth, legendHeight, 10 * u);
    ctx.fillStyle = ink.panel;
    ctx.fill();
    ctx.lineWidth = Math.max(1, u);
    ctx.strokeStyle = ink.line;
    ctx.stroke();
    ctx.font = `500 ${14.5 * u}px ${FONT}`;
    ctx.fillStyle = ink.text;
    ctx.textBaseline = "middle";
    content.legend.forEach((entry, i) => {
      const rowY = legendTop + legendPad + rowHeight * i + 9 * u;
      drawKey(ctx, entry, left + legendPad, rowY, u);
      ctx.fillText(entry.label, left + legendPad + 36 * u, rowY + 0.5 * u);
    });
    ctx.textBaseline = "alphabetic";
  }

  ctx.font = `700 ${54 * u}px ${FONT}`;
  ctx.fillStyle = ink.text;
  ctx.fillText(formatDateLong(content.date), margin, dateBaseline);

  ctx.font = CREDIT_FONT(u);
  ctx.fillStyle = ink.text;
  creditLines.forEach((text, i) => {
    ctx.fillText(text, margin, creditBaseline + CREDIT_LINE * u * i);
  });

  ctx.font = `400 ${12.5 * u}px ${FONT}`;
  ctx.fillStyle = ink.muted;
  const line = buildAttribution(
    content.publishers,
    (candidate) => ctx.measureText(candidate).width <= textWidth,
  );
  ctx.fillText(fitText(ctx, line, textWidth), margin, attributionBaseline);
  ctx.restore();
}

/**
 * One exported frame: the backdrop (seen only in letterbox bars), the map's canvas where `fit`
 * puts it, and the overlay at `unit` output pixels per layout pixel.
 */
export function composeFrame(
  ctx: Context2D,
  map: CanvasImageSource,
  fit: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
  content: OverlayContent,
  frame: { readonly width: number; readonly height: number; readonly unit: number },
): void {
  ctx.fillStyle = backdropColor(content.theme);
  ctx.fillRect(0, 0, frame.width, frame.height);
  ctx.drawImage(map, fit.x, fit.y, fit.width, fit.height);
  drawOverlay(ctx, content, frame);
}
