/** Seeded randomness for generated benchmark data: the same seed gives the same numbers. */

import type { Random } from "../scripts/lib/random";

export { createRandom, type Random } from "../scripts/lib/random";

/** An integer in [min, max], both included. */
export const randomInt = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));

/** One item of a non-empty list. */
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError("pick: empty list");
  return item;
}
