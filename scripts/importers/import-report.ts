/** What an import read, kept and skipped (by reason), printed at the end of every run. */

interface Skip {
  count: number;
  examples: string[];
}

const MAX_EXAMPLES = 3;

function tally(map: Map<string, Skip>, reason: string, example: string | undefined) {
  const entry = map.get(reason) ?? { count: 0, examples: [] };
  entry.count++;
  if (example !== undefined && entry.examples.length < MAX_EXAMPLES) entry.examples.push(example);
  map.set(reason, entry);
}

const tallyLines = (map: Map<string, Skip>) =>
  [...map].map(([reason, { count, examples }]) => {
    const e = examples.length > 0 ? ` (e.g. ${examples.join(", ")})` : "";
    return `    ${count.toLocaleString("en-US")} ${reason}${e}`;
  });

/** Counts for one import run; nothing is dropped without being counted under a reason. */
export function createImportReport(format: string) {
  const read = new Map<string, number>();
  const imported = new Map<string, number>();
  const skipped = new Map<string, Skip>();
  const remarked = new Map<string, Skip>();
  const notes: string[] = [];
  const add = (map: Map<string, number>, label: string, n: number) =>
    map.set(label, (map.get(label) ?? 0) + n);

  return {
    /** `n` records of kind `label` were read from the input. */
    read(label: string, n = 1) {
      add(read, label, n);
    },
    /** `n` records of kind `label` are in the output. */
    imported(label: string, n = 1) {
      add(imported, label, n);
    },
    /** One record was left out for `reason`; `example` names it (the first few are listed). */
    skip(reason: string, example?: string) {
      tally(skipped, reason, example);
    },
    /** One record was imported, but with something to know (e.g. its dates are unknown). */
    remark(reason: string, example?: string) {
      tally(remarked, reason, example);
    },
    /** A remark for the reader (an assumption made, a default chosen). */
    note(text: string) {
      notes.push(text);
    },
    skippedCount: (reason: string) => skipped.get(reason)?.count ?? 0,
    remarkCount: (reason: string) => remarked.get(reason)?.count ?? 0,
    readCount: (label: string) => read.get(label) ?? 0,
    importedCount: (label: string) => imported.get(label) ?? 0,
    /** The report as lines of text. */
    format(): string {
      const list = (map: Map<string, number>) =>
        [...map].map(([label, n]) => `${n.toLocaleString("en-US")} ${label}`).join(", ") || "none";
      const lines = [`${format}: read ${list(read)}`, `  imported: ${list(imported)}`];
      const total = [...skipped.values()].reduce((sum, s) => sum + s.count, 0);
      lines.push(`  skipped: ${total === 0 ? "none" : total.toLocaleString("en-US")}`);
      lines.push(...tallyLines(skipped));
      if (remarked.size > 0) lines.push("  imported with remarks:", ...tallyLines(remarked));
      for (const note of notes) lines.push(`  note: ${note}`);
      return lines.join("\n");
    },
  };
}

export type ImportReport = ReturnType<typeof createImportReport>;
