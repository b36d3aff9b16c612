import type { Catalog, CatalogEntry } from "../model/schema";
import { decode } from "../url/codec";

/** The catalog entry `hash` names (or the default one). */
export function entryOf(catalog: Catalog, hash: string): CatalogEntry {
  const datasetId = decode(hash).state.dataset ?? catalog.default;
  const entry = catalog.datasets.find((d) => d.id === datasetId);
  if (!entry) {
    throw new Error(
      `ds=${datasetId}: unknown dataset (known: ${catalog.datasets.map((d) => d.id).join(", ")})`,
    );
  }
  return entry;
}
