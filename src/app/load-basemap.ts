import { type Basemap, type TiledBasemap, withTilesFrom } from "../map/basemap";
import { fetchText } from "../model/load";

/**
 * Starts loading the basemap at `url`. A failure is reported where a view awaits it. The file is
 * built with the app (scripts/lib/basemap-plugin.ts), not data from outside: plain JSON.parse
 * reads it.
 */
export function loadBasemap(url: string, fetcher: typeof fetch): Promise<Basemap> {
  const basemap: Promise<Basemap> = fetchText(url, { fetcher }).then((text) =>
    withTilesFrom(JSON.parse(text) as TiledBasemap, new URL(url, location.href).href),
  );
  basemap.catch(() => {});
  return basemap;
}
