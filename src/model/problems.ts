/** A problem found in a document: where (a JSON path), what is wrong, and the offending value. */
export interface Problem {
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** The value found at `path`; `undefined` when the field is missing. */
  readonly value?: unknown;
}

const MAX_VALUE_CHARS = 80;

/** `links[3].active[0].to` — the JS-style path of a problem; `(root)` for the document itself. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out || "(root)";
}

/** A short, single-line rendering of a value for messages. */
export function formatValue(value: unknown): string {
  if (value === undefined) return "missing";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** `links[3].active[0].to: not a date ("2017-13-01")` */
export function formatProblem(problem: Problem): string {
  const hasValue = "value" in problem;
  const suffix = hasValue ? ` (${formatValue(problem.value)})` : "";
  return `${formatPath(problem.path)}: ${problem.message}${suffix}`;
}

/** Thrown by the parsers: carries every problem found, each naming the document, path and value. */
export class DocumentError extends Error {
  override readonly name = "DocumentError";
  constructor(
    /** The document's name for messages: a file path or URL. */
    readonly document: string,
    readonly problems: readonly Problem[],
  ) {
    super(problems.map((p) => `${document}: ${formatProblem(p)}`).join("\n"));
  }
}

/** The value at `path` inside `root`, or `undefined` when the path does not exist. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
