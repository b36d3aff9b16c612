/**
 * History entries of a catalog view that a local file was opened from carry this state. Back to
 * one opens its dataset again even when the file has the same id (and so the same `ds=`), which
 * the session's address sync would otherwise take for a step within the file.
 */
export const CATALOG_ENTRY = { uplinks: "catalog-view" } as const;

/** True for the `history.state` of an entry marked {@link CATALOG_ENTRY}. */
export const isCatalogEntry = (state: unknown): boolean =>
  typeof state === "object" && state !== null && "uplinks" in state
    ? state.uplinks === CATALOG_ENTRY.uplinks
    : false;
