import { describe, expect, it, vi } from "vitest";
import { lazyModule } from "./lazy-module";

describe("lazyModule", () => {
  it("imports once, and gives the module at once after", async () => {
    const m = { name: "m" };
    const importer = vi.fn(() => Promise.resolve(m));
    const lazy = lazyModule(importer);
    expect(lazy.current()).toBeNull();
    const first = lazy.load();
    expect(lazy.load()).toBe(first);
    expect(await first).toBe(m);
    expect(lazy.current()).toBe(m);
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it("tries again after a failed import", async () => {
    const m = { name: "m" };
    const importer = vi
      .fn<() => Promise<typeof m>>()
      .mockRejectedValueOnce(new Error("offline"))
      .mockResolvedValueOnce(m);
    const lazy = lazyModule(importer);
    await expect(lazy.load()).rejects.toThrow("offline");
    expect(lazy.current()).toBeNull();
    expect(await lazy.load()).toBe(m);
    expect(importer).toHaveBeenCalledTimes(2);
  });

  it("runs `with` at once when the module is in, after its load when not", async () => {
    const m = { name: "m" };
    const lazy = lazyModule(() => Promise.resolve(m));
    const seen: string[] = [];
    const first = lazy.with((module) => seen.push(`first ${module.name}`));
    expect(seen).toEqual([]);
    await first;
    expect(seen).toEqual(["first m"]);
    const second = lazy.with((module) => {
      seen.push(`second ${module.name}`);
      return 2;
    });
    expect(seen).toEqual(["first m", "second m"]);
    await expect(second).resolves.toBe(2);
  });

  it("turns a throw in `with` into a rejection", async () => {
    const lazy = lazyModule(() => Promise.resolve({}));
    await lazy.load();
    await expect(
      lazy.with(() => {
        throw new Error("bad");
      }),
    ).rejects.toThrow("bad");
  });
});
