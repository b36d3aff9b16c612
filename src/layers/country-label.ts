/** Where to write a country's name; drawn by deck.gl (the style has no glyphs). */
export interface CountryLabel {
  /** ISO 3166-1 alpha-2, or `null` for areas that belong to no country (e.g. Spratly Is.). */
  code: string | null;
  name: string;
  /** [longitude, latitude], inside the country's largest polygon. */
  position: [number, number];
  /** Spherical area in steradians (d3 `geoArea`), to rank labels: larger countries first. */
  area: number;
}
