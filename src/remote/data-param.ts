/**
 * `data=` in the address (DESIGN §4): a topology file to show instead of a catalog dataset. Pure:
 * the page's address is passed in.
 *
 * - A path (`data=data/cuba.topology.json`) or an address on this site is loaded at once.
 * - An address on another site is loaded only over `https:`, and only once the person has agreed.
 * - Anything else (`http:` elsewhere, `javascript:`, `data:`, `blob:`, `file:`…) is refused.
 */
import { decode } from "../url/codec";

/** Longest `data=` value read. */
export const MAX_DATA_CHARS = 2_000;

/** What `data=` asks for. */
export type DataRequest =
  /** A file on this site; `label` is how to name it (the value as written). */
  | { readonly kind: "same-origin"; readonly url: string; readonly label: string }
  /** A file on another site, over https: it needs the person's consent. */
  | { readonly kind: "cross-origin"; readonly url: string; readonly origin: string }
  /** Not loaded; `reason` says why, naming the value. */
  | { readonly kind: "refused"; readonly reason: string };

/** The value of `data=` in `hash` (the first one, decoded), or `null` when there is none. */
export function dataParamOf(hash: string): string | null {
  const entry = decode(hash).state.unknown?.find(([key]) => key === "data");
  return entry ? entry[1] : null;
}

/** The value as it may be shown in a message: one line, and not too long. */
function shown(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced.
  const line = value.replace(/[\u0000-\u001f\u007f]/g, "�");
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

/** What `value` (of `data=`) asks for, read against the page's address `pageUrl`. */
export function readDataRequest(value: string, pageUrl: string): DataRequest {
  const refuse = (reason: string): DataRequest => ({
    kind: "refused",
    reason: `data=${shown(value)}: ${reason}`,
  });
  if (value.trim() === "") {
    return refuse("no file named; give a path on this site or an https: address");
  }
  if (value.length > MAX_DATA_CHARS) return refuse(`longer than ${MAX_DATA_CHARS} characters`);
  const page = new URL(pageUrl);
  let url: URL;
  try {
    url = new URL(value, page);
  } catch {
    return refuse("not a path or an address");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return refuse(
      `${url.protocol} addresses are not loaded; only paths on this site and https: addresses`,
    );
  }
  if (url.username !== "" || url.password !== "") {
    return refuse("addresses with a user name or password are not loaded");
  }
  url.hash = "";
  if (url.origin === page.origin)
    return { kind: "same-origin", url: url.href, label: value.trim() };
  if (url.protocol !== "https:") {
    return refuse("data from another site is loaded only over https:");
  }
  return { kind: "cross-origin", url: url.href, origin: url.origin };
}
