/**
 * JSON for files people diff: two-space indentation, key order as built, and short arrays of
 * plain values (coordinates, id lists) kept on one line. Undefined properties are dropped, as
 * JSON.stringify does.
 */
export function stringifyStable(value: unknown): string {
  return `${write(value, "")}\n`;
}

const INLINE_MAX = 80;

function write(value: unknown, pad: string): string {
  const inner = `${pad}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every((v) => v === null || typeof v !== "object")) {
      const inline = `[${value.map((v) => JSON.stringify(v) ?? "null").join(", ")}]`;
      if (inline.length <= INLINE_MAX || value.every((v) => typeof v === "number")) return inline;
    }
    return `[\n${value.map((v) => inner + write(v, inner)).join(",\n")}\n${pad}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const body = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner)}`);
    return `{\n${body.join(",\n")}\n${pad}}`;
  }
  return JSON.stringify(value) ?? "null";
}
