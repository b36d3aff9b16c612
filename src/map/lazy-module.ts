/**
 * A module loaded apart from the page's first download (code most datasets do not need), which
 * can be fetched ahead, while a dataset downloads, and is then at hand at once (`current`).
 */
export interface LazyModule<M> {
  /** The module, if it is in. */
  current(): M | null;
  /** The module, loaded if it is not in yet (the same load each time; again after a failure). */
  load(): Promise<M>;
  /**
   * `use(module)`: now if the module is in (so its effects are there when this returns), else once
   * it has loaded. A throw, or a failed load, rejects.
   */
  with<R>(use: (module: M) => R): Promise<Awaited<R>>;
}

/**
 * `importer` (a dynamic `import()`) as a {@link LazyModule}. Once the module is in, `current`
 * gives it without waiting: each step of loading a module, even one loaded already, waits for its
 * turn on a page busy starting the map (1.3–2.2 s at 10,000–100,000 links, asked for when needed).
 */
export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let module: M | null = null;
  let loading: Promise<M> | null = null;
  const load = () => {
    loading ??= importer().then(
      (m) => {
        module = m;
        return m;
      },
      (error: unknown) => {
        // The next `load` tries again (a lost connection, say).
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  return {
    current: () => module,
    load,
    with<R>(use: (module: M) => R): Promise<Awaited<R>> {
      const now = module;
      if (!now) return load().then((m) => Promise.resolve(use(m)));
      try {
        return Promise.resolve(use(now));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}
