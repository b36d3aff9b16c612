/**
 * The networks of `f=` in an address: `asn:20485|4837` (AS numbers, the form addresses have had
 * from the start) and `net:google|AS20485` (network keys: an id, or `AS<number>`). Both decode
 * to keys, the view state's names for networks. Pure.
 */
import { createNetworkIndex, networkKey } from "../model/networks";
import { ID_PATTERN } from "../model/schema";

/** A network as the address names it: by AS number where it has one, else by id. */
export interface UrlNetwork {
  readonly id?: string | undefined;
  readonly asn?: number | undefined;
}

/** What the codec asks of a dataset's networks. */
export interface NetworkLookup {
  /** The AS number of the network `key` names (from the dataset, or an `AS<number>` key). */
  asnOf(key: string): number | undefined;
  /** The key of the network with AS number `asn` (or id `id`); without a dataset, as it reads. */
  keyOfAsn(asn: number): string | undefined;
  keyOfId(id: string): string | undefined;
}

const AS_KEY = /^AS([1-9]\d{0,9})$/;
const AS_NUMBER = /^[1-9]\d{0,9}$/;

/** With no dataset to ask, a key is what it reads as: `AS<number>` has that AS number. */
const WITHOUT_DATASET: NetworkLookup = {
  asnOf: (key) => {
    const asn = AS_KEY.exec(key)?.[1];
    return asn === undefined ? undefined : Number(asn);
  },
  keyOfAsn: (asn) => `AS${asn}`,
  keyOfId: (id) => id,
};

const lookups = new WeakMap<readonly UrlNetwork[], NetworkLookup>();

/** Answers about `networks`, built once per list (the address is rewritten on every change). */
export function networkLookup(networks: readonly UrlNetwork[] | undefined): NetworkLookup {
  if (networks === undefined) return WITHOUT_DATASET;
  let lookup = lookups.get(networks);
  if (lookup === undefined) {
    const index = createNetworkIndex(networks);
    const keyOf = (network: UrlNetwork | undefined) => network && networkKey(network);
    lookup = {
      asnOf: (key) =>
        index.byKey.has(key) ? index.byKey.get(key)?.asn : WITHOUT_DATASET.asnOf(key),
      keyOfAsn: (asn) => keyOf(index.resolve(asn)),
      keyOfId: (id) => keyOf(index.resolve(id)),
    };
    lookups.set(networks, lookup);
  }
  return lookup;
}

/**
 * The keys `items` of an `asn:` or `net:` group name, or why they cannot be used. With a dataset
 * (`context`), each must be one of its networks.
 */
export function decodeNetworks(
  form: "asn" | "net",
  items: readonly string[],
  context?: { readonly id: string; readonly networks: readonly UrlNetwork[] },
): string[] | string {
  const lookup = networkLookup(context?.networks);
  const keys: string[] = [];
  for (const item of items) {
    const asn = form === "asn" ? item : AS_KEY.exec(item)?.[1];
    if (asn !== undefined) {
      if (!AS_NUMBER.test(asn)) return `not an AS number "${item}"`;
      const key = lookup.keyOfAsn(Number(asn));
      if (key === undefined) return `AS${asn} is not a network of ${context?.id}`;
      keys.push(key);
    } else {
      if (!ID_PATTERN.test(item)) return `not a network (an id or AS<number>) "${item}"`;
      const key = lookup.keyOfId(item);
      if (key === undefined) return `no network "${item}" in ${context?.id}`;
      keys.push(key);
    }
  }
  return keys;
}
