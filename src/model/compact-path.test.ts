import { geoDistance, geoInterpolate } from "d3-geo";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COMPACT_PATH_PATTERN,
  COMPACT_PATH_ZEROS,
  createCoordinateArena,
  decodeCompactPath,
  encodeCompactPath,
  encodeShortestPath,
  maxCompactPathLength,
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
      'unknown path encoding "z5" (expected q0 to q9 or b0 to b9: q or b, then the decimals)',
    );
    expect(problemOf("q10:AAAA")).toBe(
      'unknown path encoding "q10" (expected q0 to q9 or b0 to b9: q or b, then the decimals)',
    );
    expect(problemOf("b10:AAAA")).toBe(
      'unknown path encoding "b10" (expected q0 to q9 or b0 to b9: q or b, then the decimals)',
    );
    expect(problemOf("bx:AAAA")).toContain('unknown path encoding "bx"');
    expect(problemOf("AAAA")).toBe(
      'not a compact path (expected "q5:", "b5:" or another "q<decimals>:" or "b<decimals>:" before the digits)',
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

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** A `b` path from its bits ("0" and "1"), padded with zeros to a whole character. */
function bPath(bits: string, decimals = 0): string {
  const padded = bits.padEnd(Math.ceil(bits.length / 6) * 6, "0");
  let text = `b${decimals}:`;
  for (let i = 0; i < padded.length; i += 6) {
    text += ALPHABET.charAt(Number.parseInt(padded.slice(i, i + 6), 2));
  }
  return text;
}

/** The bits of a `b` path's characters, 6 each, highest first. */
const bitsOf = (text: string) =>
  [...text.slice(3)].map((c) => ALPHABET.indexOf(c).toString(2).padStart(6, "0")).join("");

/** The Exp-Golomb code of a zigzag number, worked out here apart from the module. */
function golomb(z: number): string {
  const v = (z + 1).toString(2);
  return "0".repeat(v.length - 1) + v;
}

/** A path that swings between the ends of the globe: the largest numbers valid coordinates need. */
const swinging = (vertices: number) =>
  Array.from({ length: vertices }, (_, i) => (i % 2 === 0 ? [-360, -90] : [360, 90])).flat();

/** Real cities across the world (city centres, to 0.01°), for great circles between them. */
const CITIES: readonly [number, number][] = [
  [-0.13, 51.51], // London
  [2.35, 48.86], // Paris
  [13.4, 52.52], // Berlin
  [-3.7, 40.42], // Madrid
  [12.5, 41.9], // Rome
  [37.62, 55.76], // Moscow
  [24.94, 60.17], // Helsinki
  [-21.94, 64.15], // Reykjavík
  [28.98, 41.01], // Istanbul
  [31.24, 30.04], // Cairo
  [3.38, 6.52], // Lagos
  [36.82, -1.29], // Nairobi
  [28.05, -26.2], // Johannesburg
  [18.42, -33.92], // Cape Town
  [55.27, 25.2], // Dubai
  [72.88, 19.08], // Mumbai
  [77.21, 28.61], // Delhi
  [103.82, 1.35], // Singapore
  [106.85, -6.21], // Jakarta
  [114.17, 22.32], // Hong Kong
  [121.47, 31.23], // Shanghai
  [116.41, 39.9], // Beijing
  [126.98, 37.57], // Seoul
  [139.69, 35.69], // Tokyo
  [120.98, 14.6], // Manila
  [151.21, -33.87], // Sydney
  [115.86, -31.95], // Perth
  [174.76, -36.85], // Auckland
  [-157.86, 21.31], // Honolulu
  [-149.9, 61.22], // Anchorage
  [-118.24, 34.05], // Los Angeles
  [-122.42, 37.77], // San Francisco
  [-122.33, 47.61], // Seattle
  [-87.63, 41.88], // Chicago
  [-74.01, 40.71], // New York
  [-80.19, 25.76], // Miami
  [-99.13, 19.43], // Mexico City
  [-74.07, 4.71], // Bogotá
  [-77.04, -12.05], // Lima
  [-46.63, -23.55], // São Paulo
  [-58.38, -34.6], // Buenos Aires
  [-70.67, -33.45], // Santiago
];

/** The great circle from `a` to `b` as 32 vertices, longitudes unwrapped, interleaved. */
function greatCircle(a: [number, number], b: [number, number], vertices = 32): number[] {
  const at = geoInterpolate(a, b);
  const out: number[] = [];
  for (let i = 0; i < vertices; i++) {
    const [lon, lat] = at(i / (vertices - 1));
    const previous = out[out.length - 2];
    let x = lon;
    if (previous !== undefined) x += 360 * Math.round((previous - x) / 360);
    out.push(x, lat);
  }
  return out;
}

/** 200 seeded great circles of 32 vertices between cities at most `maxKm` apart. */
function cityCircles(maxKm: number): number[][] {
  const city = (i: number) => CITIES[i] as [number, number];
  const pair = fc
    .tuple(fc.nat(CITIES.length - 1), fc.nat(CITIES.length - 1))
    .filter(([a, b]) => a !== b && geoDistance(city(a), city(b)) * 6371 <= maxKm);
  return fc
    .sample(pair, { seed: SEED, numRuns: 200 })
    .map(([a, b]) => greatCircle(city(a), city(b)));
}

const meanLength = (paths: number[][], decimals: number, encoding: "q" | "b") =>
  paths.reduce((sum, path) => sum + encodeCompactPath(path, decimals, encoding).length, 0) /
  paths.length;

describe("the bit-packed form, b<decimals>:", () => {
  it("writes the q form's numbers as Exp-Golomb codes, 6 bits a character, highest first", () => {
    // The numbers of q0:AACBCC, zigzag 0 0 2 1 2 2, then 4 bits of padding.
    const small = encodeCompactPath([0, 0, 1, -1, 3, -1], 0, "b");
    expect(bitsOf(small)).toBe(`1 1 011 010 011 011 0000`.replaceAll(" ", ""));
    expect(small).toBe("b0:2mw"); // 110110 100110 110000: 54, 38, 48
    // 20 → zigzag 40, v = 41 = 101001: five zeros, then its six bits.
    expect(encodeCompactPath([20, 0, 20, 0], 0, "b")).toBe("b0:BTw"); // 000001 010011 110000
    // -2 → zigzag 3, v = 4: 00100.
    expect(encodeCompactPath([0, 0, -2, 0], 0, "b")).toBe("b0:yQ"); // 110010 010000
    expect(decoded("b0:2mw")).toEqual([0, 0, 1, -1, 3, -1]);
    expect(decoded("b0:BTw")).toEqual([20, 0, 20, 0]);
    expect(decoded("b0:yQ")).toEqual([0, 0, -2, 0]);
    expect(golomb(0) + golomb(1) + golomb(2) + golomb(3)).toBe("1" + "010" + "011" + "00100");
    expect(encodeCompactPath([125.75432, 39.03385, 125.8, 39.1], 5, "b")).toMatch(
      new RegExp(COMPACT_PATH_PATTERN),
    );
  });

  it("round-trips any path within half a unit of the last decimal kept, and re-encodes the same", () => {
    fc.assert(
      fc.property(pathArbitrary, fc.constantFrom(0, 3, 5, 9), (coordinates, decimals) => {
        const text = encodeCompactPath(coordinates, decimals, "b");
        const back = decoded(text);
        expect(back).toHaveLength(coordinates.length);
        const tolerance = 0.5 / 10 ** decimals + 1e-12;
        back.forEach((value, i) => {
          expect(Math.abs(value - (coordinates[i] as number))).toBeLessThanOrEqual(tolerance);
        });
        expect(encodeCompactPath(back, decimals, "b")).toBe(text);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("round-trips paths over the antimeridian, over the poles, and of 2 vertices", () => {
    const pacific = greatCircle([139.69, 35.69], [-122.42, 37.77]); // Tokyo → San Francisco
    expect(Math.max(...pacific.filter((_, i) => i % 2 === 0))).toBeGreaterThan(230);
    const westward = greatCircle([-157.86, 21.31], [151.21, -33.87]); // Honolulu → Sydney
    expect(Math.min(...westward.filter((_, i) => i % 2 === 0))).toBeLessThan(-200);
    const paths = [
      pacific,
      westward,
      [10, 89.5, 10, 90, -170, 90, -170, 89.5], // over the North Pole
      [0, -89.99999, 180, -90, 180, -89.99999], // the South Pole
      [0, 0, 0, 0],
      [-360, -90, 360, 90],
      [359.123456789, -89.987654321],
    ];
    for (const decimals of [0, 3, 5, 9]) {
      for (const path of paths) {
        const coordinates = path.length === 2 ? [...path, ...path] : path;
        const back = decoded(encodeCompactPath(coordinates, decimals, "b"));
        back.forEach((value, i) => {
          const scale = 10 ** decimals;
          // + 0: the decoder gives 0 where rounding a small negative gives -0.
          expect(value).toBe(Math.round((coordinates[i] as number) * scale) / scale + 0);
        });
      }
    }
  });

  it("reads numbers beyond 32 bits exactly: the largest differences valid coordinates make", () => {
    const path = swinging(40);
    const text = encodeCompactPath(path, 9, "b");
    // A third difference of 8 × 360e9 units: zigzag 5.76e12, 43 bits, 85 with its zeros.
    expect(text.length).toBeGreaterThan(3 + (40 * 2 * 81) / 6);
    expect(text.length).toBeLessThanOrEqual(maxCompactPathLength(40, "b"));
    expect(decodeCompactPath(text, { maxVertices: 40 }).coordinates).toEqual(
      new Float64Array(path),
    );
  });

  it("takes at most 56 characters for a 32-vertex great circle of up to 6,000 km at 3 decimals", () => {
    // Measured: 53.8 on average, against 76.0 in the q form (2,960 km on average). The third
    // differences grow with the cube of a step, and a code takes about 2 log2(z) bits against
    // 1.2 log2(z) for q's digits: from about 8,000 km, b is the longer form (over all pairs of
    // these cities, 9,840 km on average: b 100.5, q 94.9).
    const regional = cityCircles(6000);
    const b = meanLength(regional, 3, "b");
    expect(b).toBeLessThanOrEqual(56);
    expect(b).toBeLessThan(meanLength(regional, 3, "q") - 15);
    for (const path of regional.slice(0, 20)) {
      const back = decoded(encodeCompactPath(path, 3, "b"));
      back.forEach((value, i) => {
        expect(Math.abs(value - (path[i] as number))).toBeLessThanOrEqual(0.0005 + 1e-12);
      });
    }
  });
});

describe("decodeCompactPath, b form", () => {
  it("refuses a character that is not base64url, with its position", () => {
    expect(problemOf("b5:AA+A")).toBe(
      'not base64url: "+" at character 5 is not a digit (A–Z a–z 0–9 - _)',
    );
    expect(problemOf("b5:8é")).toContain('"é" at character 4');
    // Within a long run of zeros, and within a long number.
    expect(problemOf("b0:AAAAA!A")).toContain('"!" at character 8');
    expect(problemOf(`${bPath(`${"0".repeat(30)}1`)}AAA!`)).toContain('"!" at character 12');
  });

  it(`reads a number after ${COMPACT_PATH_ZEROS} zeros, and refuses more (a broken code)`, () => {
    // v = 2^50, 51 bits: zigzag 2^50 − 1, the largest q can carry; -2^49 as a first longitude.
    const largest = golomb(2 ** 50 - 1);
    expect(largest).toBe(`${"0".repeat(50)}1${"0".repeat(50)}`);
    expect(problemOf(bPath(`${largest}111`))).toBe(
      "vertex 0 has longitude -562949953421312, off the globe (-360…360 on a path)",
    );
    expect(problemOf(bPath(`${"0".repeat(51)}1${"0".repeat(51)}111`))).toBe(
      "a number at character 3 has more than 50 leading zero bits (a broken code)",
    );
    // After three numbers of one bit each: the run starts in the first character.
    expect(problemOf(bPath(`111${"0".repeat(60)}1`))).toBe(
      "a number at character 3 has more than 50 leading zero bits (a broken code)",
    );
    expect(problemOf(bPath(`111111${"0".repeat(60)}1`))).toBe(
      "a number at character 4 has more than 50 leading zero bits (a broken code)",
    );
  });

  it("refuses a stream cut short: a number not finished, a 1 in the padding, 6 zero bits or more", () => {
    const text = encodeCompactPath([125.75432, 39.03385, 125.8, 39.1], 5, "b");
    // The first number, 12,575,432 → zigzag 25,150,864: 24 zeros and 25 bits.
    expect(problemOf(text.slice(0, 8))).toBe("is cut short: its last number is not finished");
    expect(problemOf(bPath(`1${"0".repeat(10)}1`))).toBe(
      "is cut short: its last number is not finished",
    );
    // b0:2mw with 0001 instead of 0000 after its last number.
    expect(problemOf("b0:2mx")).toBe("is cut short: its last number is not finished");
    expect(problemOf("b0:2mwA")).toBe(
      "is cut short: it ends in 10 zero bits, a number not finished (padding is under 6)",
    );
    expect(problemOf(`${bPath("1111")}A`)).toBe(
      "is cut short: it ends in 8 zero bits, a number not finished (padding is under 6)",
    );
    expect(problemOf(bPath(`${"1".repeat(6)}${"0".repeat(6)}`))).toBe(
      "is cut short: it ends in 6 zero bits, a number not finished (padding is under 6)",
    );
  });

  it("refuses an odd count of numbers, and fewer than 2 or too many vertices", () => {
    expect(problemOf(bPath("111"))).toBe(
      "decodes to 3 numbers, an odd count; expected longitude, latitude pairs",
    );
    // A 1 in the padding of b0:2mw (0100): one more number, 010.
    expect(problemOf("b0:2m0")).toBe(
      "decodes to 7 numbers, an odd count; expected longitude, latitude pairs",
    );
    expect(problemOf(bPath("11"))).toBe("decodes to 1 vertex; a path needs at least 2");
    expect(problemOf("b5:")).toBe("decodes to 0 vertices; a path needs at least 2");
    expect(problemOf(encodeCompactPath([0, 0, 1, 1, 2, 2], 5, "b"), 2)).toBe(
      "decodes to 3 vertices; at most 2 are allowed",
    );
    expect(problemOf(`b5:${"A".repeat(100)}`, 2)).toBe(
      "is 103 characters long; at most 71 are allowed",
    );
  });

  it("refuses coordinates off the globe, naming the vertex", () => {
    expect(problemOf(encodeCompactPath([0, 0, 360.001, 0], 3, "b"))).toBe(
      "vertex 1 has longitude 360.001, off the globe (-360…360 on a path)",
    );
    expect(problemOf(encodeCompactPath([0, 0, 1, 1, 2, -90.5], 1, "b"))).toBe(
      "vertex 2 has latitude -90.5, off the globe (-90…90)",
    );
    expect(problemOf(encodeCompactPath([0, 0, 1, 1, 2, 2, 3, 90.01], 2, "b"))).toBe(
      "vertex 3 has latitude 90.01, off the globe (-90…90)",
    );
  });
});

describe("maxCompactPathLength", () => {
  it("bounds each form by its longest numbers, and both forms by the b form's", () => {
    expect(maxCompactPathLength(2, "q")).toBe(43);
    // 2 × 2 numbers of up to 101 bits: 404 bits, 68 characters.
    expect(maxCompactPathLength(2, "b")).toBe(71);
    expect(maxCompactPathLength(10_000)).toBe(maxCompactPathLength(10_000, "b"));
    expect(maxCompactPathLength(10_000)).toBeGreaterThan(maxCompactPathLength(10_000, "q"));
    for (const vertices of [2, 3, 4, 100]) {
      const text = encodeCompactPath(swinging(vertices), 9, "b");
      expect(text.length).toBeLessThanOrEqual(maxCompactPathLength(vertices));
    }
  });
});

describe("encodeCompactPath, b form", () => {
  it("refuses an unknown encoding, and a coordinate too large for either form", () => {
    expect(() => encodeCompactPath([0, 0, 1, 1], 5, "x" as "b")).toThrow(
      'invalid encoding: "x" (expected "q" or "b")',
    );
    expect(() => encodeCompactPath([0, 0, 1e300, 0], 5, "b")).toThrow(
      "invalid coordinate: 1e+300, too large to write at 5 decimals",
    );
    expect(() => encodeCompactPath([2 ** 48, 0, -(2 ** 48) - 1, 0], 0, "b")).toThrow(
      "invalid coordinate: -281474976710657, too far from the ones before it to write at 0 decimals",
    );
    expect(encodeCompactPath([2 ** 48, 0, -(2 ** 48), 0], 0, "b")).toHaveLength(37);
    // Infinite once scaled: refused, where it once had the q writer loop forever.
    expect(() => encodeCompactPath([0, 0, 1e304, 0], 9, "q")).toThrow("too large to write");
  });
});

describe("encodeShortestPath", () => {
  it("writes each path in the shorter of its two forms", () => {
    const short = greatCircle([125.75, 39.03], [131.9, 43.12]); // Pyongyang – Vladivostok
    const long = greatCircle([-46.63, -23.55], [139.69, 35.69]); // São Paulo – Tokyo
    for (const path of [short, long]) {
      const q = encodeCompactPath(path, 3, "q");
      const b = encodeCompactPath(path, 3, "b");
      expect(encodeShortestPath(path, 3)).toBe(b.length < q.length ? b : q);
    }
    expect(encodeShortestPath(short, 3)).toMatch(/^b3:/);
    expect(encodeShortestPath(long, 3)).toMatch(/^q3:/);
    expect(() => encodeShortestPath(short, 10)).toThrow("invalid decimals: 10");
  });
});
