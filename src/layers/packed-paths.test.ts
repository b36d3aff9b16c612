import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keptVertices, packPaths, wholeRange } from "./packed-paths";

interface Row {
  readonly path: Float64Array;
  readonly stamps: Float32Array;
  readonly days: readonly [number, number];
}

const row = (points: number, seed: number): Row => ({
  path: Float64Array.from({ length: 2 * points }, (_, i) => seed + i / 4),
  stamps: Float32Array.from({ length: points }, (_, i) => seed * 10 + i),
  days: [seed, seed + 100],
});

const pack = (rows: Row[], filter = true) =>
  packPaths(rows, {
    getRange: (d) => wholeRange(d.path, d.stamps),
    size: 2,
    ...(filter ? { getFilterValue: (d: Row) => d.days, filterSize: 2 } : {}),
  });

describe("packPaths", () => {
  it("packs each row's vertices, timestamps, filter values and row from its start index", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 30 }), (lengths) => {
        const rows = lengths.map((n, i) => row(n, i));
        const packed = pack(rows);
        const { getPath, getTimestamps, getFilterValue } = packed.attributes;
        expect(packed.startIndices).toHaveLength(rows.length + 1);
        rows.forEach((r, i) => {
          const start = packed.startIndices[i] as number;
          const end = packed.startIndices[i + 1] as number;
          // A single point is not a line: no vertices, as deck.gl's own tessellation gives it.
          const n = r.stamps.length;
          expect(end - start).toBe(n >= 2 ? n : 0);
          if (n < 2) return;
          expect(Array.from(getPath.value.subarray(2 * start, 2 * end))).toEqual(
            Array.from(Float32Array.from(r.path)),
          );
          expect(Array.from(getTimestamps.value.subarray(start, end))).toEqual(
            Array.from(r.stamps),
          );
          expect(Array.from(packed.attributes.rowIndexes.value.subarray(start, end))).toEqual(
            Array.from({ length: n }, () => i),
          );
          const filters = getFilterValue?.value.subarray(2 * start, 2 * end);
          for (let v = 0; v < n; v++)
            expect([filters?.[2 * v], filters?.[2 * v + 1]]).toEqual(r.days);
        });
        expect(getPath.value).toHaveLength(2 * (packed.startIndices[rows.length] as number));
      }),
    );
  });

  it("returns the rows themselves, still an array of them for picking", () => {
    const rows = [row(3, 0), row(2, 1)];
    const packed = pack(rows);
    expect(packed).toBe(rows);
    expect(packed[1]).toBe(rows[1]);
    expect(Array.isArray(packed)).toBe(true);
  });

  it("packs no filter values without a filter accessor", () => {
    expect(pack([row(3, 0)], false).attributes.getFilterValue).toBeUndefined();
  });

  it("hands each accessor the row's index, as deck.gl does", () => {
    const rows = [row(2, 0), row(2, 1), row(2, 2)];
    const seen: number[] = [];
    packPaths(rows, {
      getRange: (d, { index, data }) => {
        expect(data).toBe(rows);
        seen.push(index);
        return wholeRange(d.path, d.stamps);
      },
      size: 2,
    });
    expect(seen).toEqual([0, 1, 2]);
  });
});

describe("packPaths of thinned ranges", () => {
  it("packs exactly the range's vertices whose importance exceeds the tolerance", () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.float({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        fc.nat(),
        (values, tolerance, a, b) => {
          const n = values.length;
          const importance = Float32Array.from(values);
          // The range's ends are kept, as a level of detail's always are.
          const from = a % n;
          const to = from + (b % (n - from));
          importance[from] = Infinity;
          importance[to] = Infinity;
          const r = row(n, 3);
          const range = { ground: r.path, timestamps: r.stamps, from, to, importance, tolerance };
          const packed = packPaths([r], { getRange: () => range, size: 2 });
          const kept: number[] = [];
          for (let i = from; i <= to; i++) if ((importance[i] as number) > tolerance) kept.push(i);
          expect(keptVertices(range)).toBe(kept.length);
          const vertices = kept.length >= 2 ? kept : [];
          expect(Array.from(packed.attributes.getTimestamps.value)).toEqual(
            vertices.map((i) => r.stamps[i]),
          );
          expect(Array.from(packed.attributes.getPath.value)).toEqual(
            vertices.flatMap((i) => [
              Math.fround(r.path[2 * i] as number),
              Math.fround(r.path[2 * i + 1] as number),
            ]),
          );
        },
      ),
    );
  });
});
