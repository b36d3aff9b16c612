/**
 * ISO 3166-1 alpha-2 codes for the Natural Earth admin-0 areas that have no ISO numeric code
 * (no `id` in `world-atlas`), keyed by their Natural Earth `name`, each mapped to the state that
 * holds the area de facto. Kosovo gets the user-assigned code XK, as the EU and most data sets use.
 *
 * Areas whose sovereignty is contested between states (Spratly Is., Scarborough Reef, Siachen
 * Glacier, Bajo Nuevo Bank, Serranilla Bank) are deliberately absent: they belong to no country.
 *
 * Shared by the app's basemap and the data pipeline so both name the same areas the same way.
 * Look names up with `Object.hasOwn`, not `in`: a plain object also answers "constructor".
 */
export const NATURAL_EARTH_CODES_BY_NAME: Readonly<Record<string, string>> = Object.freeze({
  Kosovo: "XK",
  Somaliland: "SO",
  "N. Cyprus": "CY",
  "Cyprus U.N. Buffer Zone": "CY",
  Dhekelia: "GB",
  Akrotiri: "GB",
  Baikonur: "KZ",
  "USNB Guantanamo Bay": "CU",
  "Coral Sea Is.": "AU",
  "Indian Ocean Ter.": "AU",
  "Clipperton I.": "FR",
});
