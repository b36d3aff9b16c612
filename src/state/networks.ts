/**
 * A dataset's networks as the view state speaks of them: by key (`networkKey`: an id, or
 * `AS<number>`), each with the links it runs. Built once per topology and kept: the filters ask
 * on every change of date, over up to 100,000 links. Pure.
 */
import { createNetworkIndex, type NetworkIndex, type NetworkRef } from "../model/networks";
import type { Link, Network, Topology } from "../model/schema";

const indexes = new WeakMap<Topology, NetworkIndex>();

/** The index of `topology`'s networks, built on first use. */
export function networkIndexOf(topology: Topology): NetworkIndex {
  let index = indexes.get(topology);
  if (index === undefined) {
    index = createNetworkIndex(topology.networks);
    indexes.set(topology, index);
  }
  return index;
}

const AS_KEY = /^AS([1-9]\d{0,9})$/;

/** The reference a key reads as when no network has it: `AS20485` → 20485, an id as itself. */
export function keyRef(key: string): NetworkRef {
  const asn = AS_KEY.exec(key)?.[1];
  return asn === undefined ? key : Number(asn);
}

const refSets = new WeakMap<Topology, WeakMap<readonly string[], ReadonlySet<NetworkRef>>>();

/**
 * Every reference a link may name the networks `keys` by: a network listed with both an id and
 * an AS number is named by either. Kept per topology and per list of keys (the filters' lists are
 * immutable), so a filter over all the links resolves its keys once.
 */
export function refsOfKeys(topology: Topology, keys: readonly string[]): ReadonlySet<NetworkRef> {
  let byKeys = refSets.get(topology);
  if (byKeys === undefined) {
    byKeys = new WeakMap();
    refSets.set(topology, byKeys);
  }
  let refs = byKeys.get(keys);
  if (refs === undefined) {
    const index = networkIndexOf(topology);
    const set = new Set<NetworkRef>();
    for (const key of keys) {
      // `AS20485` also finds a network whose key is its id ("ttk", with AS 20485).
      const network = index.byKey.get(key) ?? index.resolve(keyRef(key));
      if (network?.asn !== undefined) set.add(network.asn);
      if (network?.id !== undefined) set.add(network.id);
      if (!network) set.add(keyRef(key));
    }
    refs = set;
    byKeys.set(keys, refs);
  }
  return refs;
}

/** The keys of the networks `link` names, each once, in the link's order. */
export function linkNetworkKeys(topology: Topology, link: Link): string[] {
  return keysOfRefs(networkIndexOf(topology), link.networks ?? []);
}

/** The keys of `refs`, each once, in their order. */
function keysOfRefs(index: NetworkIndex, refs: readonly NetworkRef[]): string[] {
  // One array per list, no set: a link names one network or a few, and there are 100,000 links.
  const keys: string[] = [];
  for (const ref of refs) {
    const key = index.keyOf(ref);
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** A network that runs links: its key, its record (if listed) and its links. */
export interface NetworkLinks {
  readonly key: string;
  /** `undefined` for a reference no network of the dataset has (an unlisted AS number). */
  readonly network: Network | undefined;
  readonly links: readonly Link[];
}

const linksByNetwork = new WeakMap<Topology, readonly NetworkLinks[]>();

/**
 * The networks that run at least one link, with their links (each link once per network), in the
 * order of `topology.networks`; networks a link names but the dataset does not list come last.
 * One scan of the links per topology.
 */
export function networksWithLinks(topology: Topology): readonly NetworkLinks[] {
  let result = linksByNetwork.get(topology);
  if (result === undefined) {
    const index = networkIndexOf(topology);
    const byKey = new Map<string, Link[]>();
    // Links share lists of networks (a link table's reader gives the links of one network one
    // list): each list's keys are found once.
    const keysOf = new Map<readonly NetworkRef[], string[]>();
    for (const link of topology.links) {
      const refs = link.networks;
      if (!refs) continue;
      let keys = keysOf.get(refs);
      if (!keys) {
        keys = keysOfRefs(index, refs);
        keysOf.set(refs, keys);
      }
      for (const key of keys) {
        const links = byKey.get(key);
        if (links) links.push(link);
        else byKey.set(key, [link]);
      }
    }
    const listed = [...index.byKey.keys()].filter((key) => byKey.has(key));
    const unlisted = [...byKey.keys()].filter((key) => !index.byKey.has(key));
    result = [...listed, ...unlisted].map((key) => ({
      key,
      network: index.byKey.get(key),
      links: byKey.get(key) ?? [],
    }));
    linksByNetwork.set(topology, result);
  }
  return result;
}
