import { describe, expect, it } from "vitest";
import { createAppStore, setFocus } from "../state/store";
import { setupOnFirstUse } from "./lazy";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("setupOnFirstUse", () => {
  it("mounts once, the first time the state asks for it, and disposes what it mounted", async () => {
    const store = createAppStore();
    const log: string[] = [];
    const dispose = setupOnFirstUse(
      store,
      (s) => s.focus !== null,
      async () => {
        log.push("mount");
        return () => log.push("dispose");
      },
      () => log.push("error"),
    );
    await settle();
    expect(log).toEqual([]);
    setFocus(store, "KP");
    setFocus(store, "RU");
    await settle();
    expect(log).toEqual(["mount"]);
    dispose();
    expect(log).toEqual(["mount", "dispose"]);
  });

  it("disposes a mount that finishes after the session has ended", async () => {
    const store = createAppStore({ focus: "KP" });
    const log: string[] = [];
    const dispose = setupOnFirstUse(
      store,
      (s) => s.focus !== null,
      async () => () => log.push("dispose"),
      () => log.push("error"),
    );
    dispose();
    await settle();
    expect(log).toEqual(["dispose"]);
  });

  it("reports a failed load", async () => {
    const store = createAppStore({ focus: "KP" });
    const errors: unknown[] = [];
    setupOnFirstUse(
      store,
      (s) => s.focus !== null,
      () => Promise.reject(new Error("chunk missing")),
      (e) => errors.push(e),
    );
    await settle();
    expect(errors).toEqual([new Error("chunk missing")]);
  });
});
