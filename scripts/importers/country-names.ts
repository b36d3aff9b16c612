/** Country names as data sets write them → ISO 3166-1 alpha-2 codes. */
import countries from "i18n-iso-countries";

/** Names used by TeleGeography and World Bank style lists that `i18n-iso-countries` lacks. */
const ALIASES: Readonly<Record<string, string>> = {
  "korea, rep.": "KR",
  "korea, dem. people's rep.": "KP",
  "congo, dem. rep.": "CD",
  "congo, rep.": "CG",
  "virgin islands (u.s.)": "VI",
  "virgin islands (u.k.)": "VG",
  micronesia: "FM",
  "sint maarten": "SX",
  "saint martin": "MF",
  "falkland islands": "FK",
  syria: "SY",
  macau: "MO",
  "saint helena, ascension and tristan da cunha": "SH",
  laos: "LA",
  brunei: "BN",
  moldova: "MD",
  "cabo verde": "CV",
  "the bahamas": "BS",
  "bahamas, the": "BS",
  "gambia, the": "GM",
  "egypt, arab rep.": "EG",
  "iran, islamic rep.": "IR",
  "yemen, rep.": "YE",
  "venezuela, rb": "VE",
  svalbard: "SJ",
  // Natural Earth (our boundaries) counts Somaliland as Somalia; do the same.
  somaliland: "SO",
};

const stripAccents = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");

/** The code of a country name, or `undefined` when the name is not known. */
export function countryCodeOfName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === "") return undefined;
  const alias = ALIASES[trimmed.toLowerCase()];
  if (alias) return alias;
  return (
    countries.getAlpha2Code(trimmed, "en") ?? countries.getAlpha2Code(stripAccents(trimmed), "en")
  );
}

/**
 * The country at the end of a place name such as `"Makaha, HI, United States"` or
 * `"Kinshasa, Congo, Dem. Rep."`: the last comma-separated part, or the last two.
 */
export function countryCodeOfPlaceName(placeName: string): string | undefined {
  const parts = placeName.split(",").map((p) => p.trim());
  for (const n of [1, 2]) {
    if (parts.length < n) break;
    const code = countryCodeOfName(parts.slice(-n).join(", "));
    if (code) return code;
  }
  return undefined;
}
