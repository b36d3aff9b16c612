/** Record ids for imported data: `^[a-z0-9][a-z0-9-]{0,99}$`, made from names, unique per list. */
import { slugify as slugifyTo } from "../../src/model/slug";

const MAX_ID = 100;

/** A readable id from any text (see {@link slugifyTo}); `""` when nothing usable is left. */
export const slugify = (text: string): string => slugifyTo(text, MAX_ID);

/**
 * Hands out unique ids within one list: the first `take("x")` gets `x`, the next `x-2`, `x-3`…
 * Deterministic for a given order of calls, so the same input gives the same ids.
 */
export function createIdAllocator(fallback = "item") {
  const used = new Set<string>();
  return {
    take(text: string): string {
      const base = slugify(text) || fallback;
      if (!used.has(base)) {
        used.add(base);
        return base;
      }
      for (let n = 2; ; n++) {
        const suffix = `-${n}`;
        const id = `${base.slice(0, MAX_ID - suffix.length).replace(/-+$/, "")}${suffix}`;
        if (!used.has(id)) {
          used.add(id);
          return id;
        }
      }
    },
    has: (id: string) => used.has(id),
  };
}

export type IdAllocator = ReturnType<typeof createIdAllocator>;
