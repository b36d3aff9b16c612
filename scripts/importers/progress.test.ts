import { describe, expect, it } from "vitest";
import { createProgress } from "./progress";

const fakeStream = (isTTY: boolean) => {
  const written: string[] = [];
  const stream = {
    isTTY,
    write(chunk: string) {
      written.push(chunk);
      return true;
    },
  } as unknown as NodeJS.WritableStream & { isTTY: boolean };
  return { stream, written };
};

describe("createProgress", () => {
  it("redraws one line in place on a terminal, at most every 100 ms", () => {
    const { stream, written } = fakeStream(true);
    let now = 0;
    const progress = createProgress("reading", 100, { stream, now: () => now });
    progress.update(10);
    now = 50;
    progress.update(20);
    now = 150;
    progress.update(50);
    progress.finish();
    expect(written).toEqual([
      `\rreading [###${".".repeat(27)}] 10%`,
      `\rreading [###############...............] 50%`,
      `\rreading [##############################] 100%`,
      "\n",
    ]);
  });

  it("writes a line per quarter when stderr is a log, not a terminal", () => {
    const { stream, written } = fakeStream(false);
    const progress = createProgress("reading", 100, { stream });
    for (let done = 0; done <= 100; done += 5) progress.update(done);
    progress.finish();
    expect(written.map((line) => line.trim().split(" ").pop())).toEqual([
      "0%",
      "25%",
      "50%",
      "75%",
      "100%",
    ]);
  });

  it("draws nothing when disabled (small inputs)", () => {
    const { stream, written } = fakeStream(true);
    const progress = createProgress("reading", 100, { stream, enabled: false });
    progress.update(50);
    progress.finish();
    expect(written).toEqual([]);
  });
});
