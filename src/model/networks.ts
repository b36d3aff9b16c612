/**
 * Networks and how links name them. A network is an autonomous system (`asn`) or an operator
 * without one — a cable's owner, a consortium — named by `id`; it may have both. A link lists
 * its networks by either: a number is an AS number, a string a network id. The app speaks of a
 * network by its key: its id, or `AS<number>` for one that has none (ids are lowercase, so the
 * two never meet).
 */
import type { Network } from "./schema";

/** How a link names a network: its AS number, or its id. */
export type NetworkRef = number | string;

/** The key the app uses for `network`: its id, or `AS<asn>`. */
export const networkKey = (network: Pick<Network, "id" | "asn">): string =>
  network.id ?? `AS${network.asn}`;

/** The key a link's reference `ref` stands for when no network is listed for it. */
export const refKey = (ref: NetworkRef): string => (typeof ref === "number" ? `AS${ref}` : ref);

/** "TransTeleCom · AS20485", or the name alone for a network without an AS number. */
export const networkLabel = (network: Pick<Network, "name" | "asn">): string =>
  network.asn === undefined ? network.name : `${network.name} · AS${network.asn}`;

/** What an index needs of a network: how it is named. */
type Named = Pick<Network, "id" | "asn">;

export interface NetworkIndex<N extends Named = Network> {
  /** The networks by key, in the document's order. */
  readonly byKey: ReadonlyMap<string, N>;
  /** The network a link's reference names; undefined when none is listed. */
  resolve(ref: NetworkRef): N | undefined;
  /** The key of the network a reference names (of the listed network, when there is one). */
  keyOf(ref: NetworkRef): string;
}

/** An index of `networks` for resolving links' references. */
export function createNetworkIndex<N extends Named = Network>(
  networks: readonly N[],
): NetworkIndex<N> {
  const byKey = new Map<string, N>();
  const byAsn = new Map<number, N>();
  const byId = new Map<string, N>();
  for (const network of networks) {
    byKey.set(networkKey(network), network);
    if (network.asn !== undefined) byAsn.set(network.asn, network);
    if (network.id !== undefined) byId.set(network.id, network);
  }
  const resolve = (ref: NetworkRef) => (typeof ref === "number" ? byAsn.get(ref) : byId.get(ref));
  return {
    byKey,
    resolve,
    keyOf: (ref) => {
      const network = resolve(ref);
      return network ? networkKey(network) : refKey(ref);
    },
  };
}
