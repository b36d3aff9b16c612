import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COMPACT_PATH_PATTERN,
  createCoordinateArena,
  decodeCompactPath,
  encodeCompactPath,
} from "./compact-path";
import { densifyRoute } from "./route";

const SEED = 20_261_126;

/** Decodes `text`, failing the test with the decoder's message when it is refused. */
function decoded(text: string): number[] {
  const result = decodeCompactPath(text);
  if (result.problem !== undefined) throw new Error(result.problem);
  return [...result.coordinates];
}

const problemOf = (text: string, maxVertices?: number) =>
  decodeCompactPath(text, maxVertices === undefined ? {} : { maxVertices }).problem;

/** A path of 2 to 60 vertices on the globe (longitudes unwrapped up to ±360), interleaved. */
const pathArbitrary = fc
  .array(
    fc.tuple(
      fc.double({ min: -360, max: 360, noNaN: true }),
      fc.double({ min: -90, max: 90, noNaN: true }),
    ),
    { minLength: 2, maxLength: 60 },
  )
  .map((vertices) => vertices.flat());

describe("encodeCompactPath and decodeCompactPath", () => {
  it("write the documented format: q<decimals>:, then 5-bit base64url digits of zigzag differences", () => {
    // lon 0, 1, 3 → 0, +1, +1 (second difference); lat 0, -1, -1 → 0, -1, +1; zigzag 0 0 2 1 2 2.
    expect(encodeCompactPath([0, 0, 1, -1, 3, -1], 0)).toBe("q0:AACBCC");
    // 20 → zigzag 40 = 8 + 32 × 1: the digit 8 + 32 ("o", another follows), then 1 ("B").
    expect(encodeCompactPath([20, 0, 20, 0], 0)).toBe("q0:oBAAA");
    expect(decoded("q0:AACBCC")).toEqual([0, 0, 1, -1, 3, -1]);
    expect(decoded("q0:oBAAA")).toEqual([20, 0, 20, 0]);
    expect(encodeCompactPath([125.75432, 39.03385, 125.8, 39.1])).toMatch(
      new RegExp(COMPACT_PATH_PATTERN),
    );
  });

  it("round-trip any path within half a unit of the last decimal kept", () => {
    fc.assert(
      fc.property(pathArbitrary, fc.integer({ min: 0, max: 9 }), (coordinates, decimals) => {
        const back = decoded(encodeCompactPath(coordinates, decimals));
        expect(back).toHaveLength(coordinates.length);
        const tolerance = 0.5 / 10 ** decimals + 1e-12;
        back.forEach((value, i) => {
          expect(Math.abs(value - (coordinates[i] as number))).toBeLessThanOrEqual(tolerance);
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("are stable: re-encoding a decoded path gives the same text", () => {
    fc.assert(
      fc.property(pathArbitrary, fc.integer({ min: 0, max: 9 }), (coordinates, decimals) => {
        const text = encodeCompactPath(coordinates, decimals);
        expect(encodeCompactPath(decoded(text), decimals)).toBe(text);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("give plain decimals back exactly when the path has no more decimals than kept", () => {
    const coordinates = [125.75432, 39.03385, 130.60255, 42.42168, 131.88, 43.12, 179.99999, -0.5];
    expect(decoded(encodeCompactPath(coordinates, 5))).toEqual(coordinates);
  });

  it("take about one digit per coordinate for a densified great circle", () => {
    const path = densifyRoute([
      [2.35, 48.86],
      [139.69, 35.69],
    ]);
    const text = encodeCompactPath(path.flat(), 5);
    expect(path.length).toBeGreaterThan(150);
    expect((text.length - 3) / (path.length * 2)).toBeLessThan(1.6);
    expect(text.length).toBeLessThan(JSON.stringify(path).length / 6);
  });

  it("decode into the arrays an allocator gives", () => {
    const allocate = createCoordinateArena(16);
    const a = decodeCompactPath(encodeCompactPath([1, 2, 3, 4]), { allocate }).coordinates;
    const b = decodeCompactPath(encodeCompactPath([5, 6, 7, 8, 9, 10]), { allocate }).coordinates;
    expect([...(a ?? [])]).toEqual([1, 2, 3, 4]);
    expect([...(b ?? [])]).toEqual([5, 6, 7, 8, 9, 10]);
    expect(b?.buffer).toBe(a?.buffer);
  });
});

describe("decodeCompactPath", () => {
  it("refuses another encoding, or text that is not a compact path, naming what it found", () => {
    expect(problemOf("z5:AAAA")).toBe(
      'unknown path encoding "z5" (expected q0 to q9: q, then the decimals)',
    );
    expect(problemOf("q10:AAAA")).toBe(
      'unknown path encoding "q10" (expected q0 to q9: q, then the decimals)',
    );
    expect(problemOf("AAAA")).toBe(
      'not a compact path (expected "q5:" or another "q<decimals>:" before the digits)',
    );
  });

  it("refuses a character that is not a base64url digit, with its position", () => {
    expect(problemOf("q5:AA+A")).toBe(
      'not base64url: "+" at character 5 is not a digit (A–Z a–z 0–9 - _)',
    );
    expect(problemOf("q5:AAé")).toContain('"é" at character 5');
  });

  it("refuses a path cut short in the middle of a number (truncated text)", () => {
    const text = encodeCompactPath([125.75432, 39.03385, 125.8, 39.1]);
    expect(problemOf(text.slice(0, 5))).toBe("is cut short: its last number is not finished");
  });

  it("refuses a number of more than 10 digits (a broken varint)", () => {
    expect(problemOf(`q5:AAAA${"g".repeat(11)}A`)).toBe(
      "a number at character 7 has more than 10 digits (a broken varint)",
    );
  });

  it("refuses an odd count of numbers, and fewer than 2 or too many vertices", () => {
    expect(problemOf("q5:AAA")).toBe(
      "decodes to 3 numbers, an odd count; expected longitude, latitude pairs",
    );
    expect(problemOf("q5:AA")).toBe("decodes to 1 vertex; a path needs at least 2");
    expect(problemOf("q5:")).toBe("decodes to 0 vertices; a path needs at least 2");
    expect(problemOf(encodeCompactPath([0, 0, 1, 1, 2, 2]), 2)).toBe(
      "decodes to 3 vertices; at most 2 are allowed",
    );
    expect(problemOf(`q5:${"A".repeat(100)}`, 2)).toBe(
      "is 103 characters long; at most 43 are allowed",
    );
  });

  it("refuses coordinates off the globe, naming the vertex", () => {
    expect(problemOf(encodeCompactPath([0, 0, 360.001, 0], 3))).toBe(
      "vertex 1 has longitude 360.001, off the globe (-360…360 on a path)",
    );
    expect(problemOf(encodeCompactPath([0, 0, 1, 1, 2, -90.5], 1))).toBe(
      "vertex 2 has latitude -90.5, off the globe (-90…90)",
    );
    // Any digits decode to some numbers: a hostile text is refused by range, not misread.
    expect(problemOf("q5:_________AAAA")).toMatch(/^vertex 0 has longitude .*off the globe/);
  });
});

describe("encodeCompactPath", () => {
  it("refuses decimals outside 0–9, an odd count of numbers and non-finite numbers", () => {
    expect(() => encodeCompactPath([0, 0, 1, 1], 10)).toThrow("invalid decimals: 10");
    expect(() => encodeCompactPath([0, 0, 1], 5)).toThrow("invalid coordinates: 3 numbers");
    expect(() => encodeCompactPath([0, 0, Number.NaN, 1], 5)).toThrow("invalid coordinate: NaN");
  });
});

describe("createCoordinateArena", () => {
  it("hands out zeroed, non-overlapping views, in a new buffer when one is full", () => {
    const allocate = createCoordinateArena(4, 16);
    const a = allocate(3);
    const b = allocate(3);
    const c = allocate(40);
    a.fill(1);
    expect([...b]).toEqual([0, 0, 0]);
    expect(c).toHaveLength(40);
    expect(a.buffer).not.toBe(b.buffer);
    expect(new Set([a.buffer, b.buffer, c.buffer]).size).toBe(3);
  });
});
