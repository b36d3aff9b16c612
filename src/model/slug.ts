/** Readable, safe names from any text: for record ids and file names alike. Pure. */

/**
 * Lowercase ASCII letters, digits and single hyphens, at most `maxLength` characters: accents
 * dropped, runs of other characters as one `-`, no `-` at either end. `""` when nothing usable is
 * left (the caller chooses a fallback).
 */
export function slugify(text: string, maxLength: number): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
}
