/**
 * Cable owners as networks: companies and consortia without AS numbers, named by a slug of their
 * name, one network however many cables and snapshots name it.
 */
import type { Network } from "../../src/model/schema";
import { slugify } from "./ids";

/** Company-form endings that the details' comma-separated lists split off ("Acme, Inc."). */
const LEGAL_FORM = /^(inc|llc|ltd|limited|corp|co|plc|s\.?a|gmbh|l\.?p)\.?$/i;

/** The owners of a details file's `owners` text, in its order. */
export function splitOwners(text: string): string[] {
  const owners: string[] = [];
  for (const raw of text.split(",")) {
    const owner = raw.trim().replace(/\s+/g, " ");
    if (owner === "") continue;
    const previous = owners[owners.length - 1];
    if (previous !== undefined && LEGAL_FORM.test(owner))
      owners[owners.length - 1] = `${previous}, ${owner}`;
    else owners.push(owner);
  }
  return owners;
}

/** How often a spelling was seen, and how recently (to break ties). */
interface Spelling {
  count: number;
  latest: number;
}

/**
 * Collects owner names as cables list them, then builds one network per slug. Its name is the
 * spelling listed most often (over every cable of every snapshot), the most recent one on a tie.
 */
export function createOwnerNetworks() {
  const spellings = new Map<string, Map<string, Spelling>>();
  const sources = new Map<string, Set<string>>();
  let order = 0;
  return {
    /** The owner names of one listing, cited from `source`; returns their network ids. */
    add(owners: readonly string[], source: string): string[] {
      const ids: string[] = [];
      for (const owner of owners) {
        const id = slugify(owner);
        if (id === "" || ids.includes(id)) continue;
        ids.push(id);
        const byName = spellings.get(id) ?? new Map<string, Spelling>();
        const spelling = byName.get(owner) ?? { count: 0, latest: 0 };
        spelling.count++;
        spelling.latest = ++order;
        byName.set(owner, spelling);
        spellings.set(id, byName);
        sources.set(id, (sources.get(id) ?? new Set()).add(source));
      }
      return ids;
    },
    /** The networks, by id. */
    networks(): Network[] {
      return [...spellings]
        .map(([id, byName]) => {
          let name = "";
          let best: Spelling = { count: -1, latest: -1 };
          for (const [spelling, seen] of byName) {
            if (
              seen.count > best.count ||
              (seen.count === best.count && seen.latest > best.latest)
            ) {
              name = spelling;
              best = seen;
            }
          }
          return { id, name, sources: [...(sources.get(id) ?? [])].sort() };
        })
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}
