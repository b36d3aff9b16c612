import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTopology } from "../../model/parse-topology";
import { partsTopologyInput, validTopologyInput } from "../../model/test-fixtures";
import { buildLinkGeometry } from "../link-geometry";
import { packPaths, wholeRange } from "../packed-paths";
import { computeDetailArrays, type DetailSource } from "./detail-arrays";
import {
  buildLinkDetail,
  CHUNK_STEPS,
  createLinkDetail,
  pathBox,
  pinnedVertices,
} from "./link-detail";

/** A link from a to b along many vertices (a wavy line), with a landing and a crossing between. */
function wavyTopology() {
  const doc = validTopologyInput();
  const path: [number, number][] = [];
  for (let i = 0; i <= 100; i++) path.push([100 + i * 0.5, 30 + Math.sin(i / 3) * 0.004]);
  doc.nodes[0] = { ...doc.nodes[0], coordinates: path[0] };
  doc.nodes[1] = { ...doc.nodes[1], coordinates: path[100] };
  doc.nodes.push({
    id: "c",
    name: "C",
    kind: "city",
    country: "CN",
    coordinates: path[37],
    sources: ["src"],
  });
  doc.links[0] = {
    ...doc.links[0],
    via: ["c"],
    path,
    // Between vertices 60 and 61.
    crossings: [{ from: "KP", to: "CN", at: [130.25, 30.0] }],
  };
  return parseTopology(doc);
}

describe("pinnedVertices", () => {
  it("pins the vertex at a landing and both ends of the step through a crossing", () => {
    const ground = new Float64Array([0, 0, 1, 0, 2, 0, 3, 0, 4, 0]);
    expect([...pinnedVertices(ground, [[2, 0.001]], [[3.5, 0]])].sort()).toEqual([2, 3, 4]);
  });

  it("leaves the ends to themselves and ignores points off the path", () => {
    const ground = new Float64Array([0, 0, 1, 0, 2, 0]);
    expect(
      pinnedVertices(
        ground,
        [
          [0, 0],
          [2, 0],
          [1, 5],
        ],
        [[1, 3]],
      ),
    ).toEqual([]);
  });

  it("measures across the antimeridian", () => {
    const ground = new Float64Array([178, 0, 180, 0, 182, 0]);
    expect([...pinnedVertices(ground, [[-180, 0]], [])]).toEqual([1]);
  });
});

describe("pathBox", () => {
  it("bounds a path with its longitudes unwrapped", () => {
    expect(pathBox(new Float64Array([178, -18, -179, -17, -177, -16]))).toEqual([
      178, -18, 183, -16,
    ]);
  });
});

describe("createLinkDetail", () => {
  it("draws every part, whole, at no level and no box", () => {
    const geometry = buildLinkGeometry(parseTopology(partsTopologyInput()));
    const detail = createLinkDetail(geometry, { simplifyAfter: 0 });
    expect(detail.view(null, null).select(geometry.segments)).toBe(geometry.segments);
  });

  it("keeps the landing's vertex and the crossing's step at the coarsest level", () => {
    const geometry = buildLinkGeometry(wavyTopology());
    const detail = createLinkDetail(geometry, { simplifyAfter: 0 });
    const [drawn] = detail.view(0, null).select(geometry.segments);
    const ground = [...(drawn?.ground ?? [])];
    const lons = ground.filter((_, i) => i % 2 === 0);
    expect(lons).toEqual([100, 118.5, 130, 130.5, 150]);
    expect(drawn?.link.id).toBe("ab");
    // The kept vertices' flow times are the whole path's.
    const whole = geometry.segments[0];
    expect([...(drawn?.timestamps ?? [])]).toEqual(
      [0, 37, 60, 61, 100].map((i) => whole?.timestamps[i]),
    );
  });

  it("draws more vertices at finer levels and the whole path past them", () => {
    const geometry = buildLinkGeometry(wavyTopology());
    const detail = createLinkDetail(geometry, { simplifyAfter: 0 });
    const vertices = (level: number | null) =>
      (detail.view(level, null).select(geometry.segments)[0]?.ground.length ?? 0) / 2;
    expect(vertices(0)).toBeLessThan(vertices(10));
    expect(vertices(null)).toBe(101);
  });

  it("draws only the parts in the box, across the antimeridian", () => {
    const geometry = buildLinkGeometry(parseTopology(partsTopologyInput()));
    const detail = createLinkDetail(geometry, { simplifyAfter: 0 });
    const inFiji = detail.view(null, [-179, -20, -170, -10]).select(geometry.segments);
    expect(inFiji.map((d) => [d.link.id, d.ground[0]])).toEqual([["cable", 178.5]]);
    const inKorea = detail.view(null, [120, 35, 130, 45]).select(geometry.segments);
    expect(new Set(inKorea.map((d) => d.link.id))).toEqual(new Set(["ab", "cable"]));
    expect(inKorea.every((d) => (d.ground[0] as number) < 170)).toBe(true);
  });

  it("only culls a dataset of fewer vertices than it simplifies after", () => {
    const geometry = buildLinkGeometry(wavyTopology());
    const detail = createLinkDetail(geometry, { simplifyAfter: 101 });
    expect(detail.simplifies).toBe(false);
    expect(detail.view(0, null).select(geometry.segments)).toBe(geometry.segments);
    expect(detail.view(0, [0, 0, 1, 1]).select(geometry.segments)).toEqual([]);
  });

  it("draws a segment it does not know as it is", () => {
    const geometry = buildLinkGeometry(parseTopology(partsTopologyInput()));
    const other = buildLinkGeometry(parseTopology(validTopologyInput()));
    const detail = createLinkDetail(geometry, { simplifyAfter: 0 });
    expect(detail.view(0, [0, 0, 1, 1]).select(other.segments)).toEqual(other.segments);
  });

  it("draws a long part through the box as the pieces of its level's path there", () => {
    const geometry = buildLinkGeometry(wavyTopology());
    const detail = createLinkDetail(geometry, { simplifyAfter: 0 });
    const boxes = fc.tuple(
      fc.double({ min: 95, max: 155, noNaN: true }),
      fc.double({ min: 0, max: 12, noNaN: true }),
    );
    for (const level of [null, 0, 4, 8, 10]) {
      const whole = detail.view(level, null).select(geometry.segments)[0];
      const lons = [...(whole?.ground ?? [])].filter((_, i) => i % 2 === 0);
      const stamps = [...(whole?.timestamps ?? [])];
      fc.assert(
        fc.property(boxes, ([west, width]) => {
          const box = [west, 29, west + width, 31] as const;
          const inBox = (lon: number) => lon >= box[0] && lon <= box[2];
          const pieces = detail.view(level, box).select(geometry.segments);
          const covered = new Set<number>();
          for (const piece of pieces) {
            const pieceLons = [...piece.ground].filter((_, i) => i % 2 === 0);
            const at = lons.indexOf(pieceLons[0] as number);
            // A run of the level's path, vertex for vertex, with its flow times.
            expect(pieceLons).toEqual(lons.slice(at, at + pieceLons.length));
            expect([...piece.timestamps]).toEqual(stamps.slice(at, at + pieceLons.length));
            expect(piece.link.id).toBe("ab");
            for (let i = at; i < at + pieceLons.length - 1; i++) covered.add(i);
            // It ends out of the box, or where the path does.
            const last = at + pieceLons.length - 1;
            expect(at === 0 || !inBox(lons[at] as number)).toBe(true);
            expect(last === lons.length - 1 || !inBox(lons[last] as number)).toBe(true);
          }
          // Every step of the level's path with an end in the box is drawn.
          for (let i = 0; i + 1 < lons.length; i++) {
            if (inBox(lons[i] as number) || inBox(lons[i + 1] as number)) {
              expect(covered.has(i)).toBe(true);
            }
          }
        }),
      );
    }
  });

  it("packs for the flow layer exactly the vertices of each segment it draws", () => {
    const geometry = buildLinkGeometry(wavyTopology());
    const detail = createLinkDetail(geometry, { simplifyAfter: 0 });
    for (const level of [null, 0, 4, 8, 10]) {
      for (const box of [null, [100, 29, 104, 31], [118, 29, 121, 31]] as const) {
        const drawn = detail.view(level, box).select(geometry.segments);
        expect(drawn.length).toBeGreaterThan(0);
        for (const segment of drawn) {
          // As the links layer packs it: from its range, never from its own arrays.
          const packed = packPaths([segment], {
            getRange: (d) => d.range ?? wholeRange(d.ground, d.timestamps),
            size: 2,
          });
          expect(Array.from(packed.attributes.getPath.value ?? [])).toEqual(
            Array.from(Float32Array.from(segment.ground)),
          );
          expect(Array.from(packed.attributes.getTimestamps.value ?? [])).toEqual(
            Array.from(segment.timestamps),
          );
        }
      }
    }
  });

  it("leaves out most of a long part that only crosses the box's corner", () => {
    const geometry = buildLinkGeometry(wavyTopology());
    const detail = createLinkDetail(geometry, { simplifyAfter: 0 });
    const [piece, ...more] = detail.view(null, [120, 29, 121, 31]).select(geometry.segments);
    expect(more).toEqual([]);
    // Vertices 40 and 42 lie at 120 and 121: the chunk (or two) round them, no more.
    expect(piece?.ground.length).toBeLessThanOrEqual(2 * (2 * CHUNK_STEPS + 1));
  });

  it("builds the same detail from arrays computed elsewhere, from a copy of its source", async () => {
    const geometry = buildLinkGeometry(wavyTopology());
    const here = createLinkDetail(geometry, { simplifyAfter: 0 });
    const sources: DetailSource[] = [];
    const away = await buildLinkDetail(
      geometry,
      async (source) => {
        // As a worker would: from a structured clone, the original emptied by the transfer.
        const sent = source();
        const copy = structuredClone(sent);
        sources.push(sent);
        return computeDetailArrays(copy);
      },
      { simplifyAfter: 0 },
    );
    expect(sources[0]?.grounds.length).toBe(2 * 101);
    for (const level of [0, 5, null]) {
      for (const box of [null, [120, 29, 130, 31] as const]) {
        const a = here.view(level, box).select(geometry.segments);
        const b = away.view(level, box).select(geometry.segments);
        expect(b.map((d) => [...d.ground])).toEqual(a.map((d) => [...d.ground]));
      }
    }
  });
});
