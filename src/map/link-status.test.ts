import { describe, expect, it } from "vitest";
import { validateByLinkStatus } from "./link-status";

const LINK_STATUS = 0x8b82;
const VALIDATE_STATUS = 0x8b83;
const ACTIVE_UNIFORMS = 0x8b86;

/** A stand-in context that records what reaches it and answers from `answers`. */
function fakeContext(answers: Record<number, unknown>) {
  const calls: string[] = [];
  const gl = {
    LINK_STATUS,
    VALIDATE_STATUS,
    validateProgram(_program: unknown) {
      calls.push("validateProgram");
    },
    getProgramParameter(_program: unknown, name: number) {
      calls.push(`getProgramParameter ${name}`);
      return answers[name];
    },
  };
  return { gl, calls };
}

describe("validateByLinkStatus", () => {
  it("answers a program's validation with its link status, and validates nothing", () => {
    const { gl, calls } = fakeContext({ [LINK_STATUS]: false, [VALIDATE_STATUS]: true });
    validateByLinkStatus(gl as unknown as WebGL2RenderingContext);
    const program = {} as WebGLProgram;
    gl.validateProgram(program);
    expect(gl.getProgramParameter(program, VALIDATE_STATUS)).toBe(false);
    expect(calls).toEqual([`getProgramParameter ${LINK_STATUS}`]);
  });

  it("passes every other question to the context as it is", () => {
    const { gl, calls } = fakeContext({ [LINK_STATUS]: true, [ACTIVE_UNIFORMS]: 7 });
    validateByLinkStatus(gl as unknown as WebGL2RenderingContext);
    const program = {} as WebGLProgram;
    expect(gl.getProgramParameter(program, ACTIVE_UNIFORMS)).toBe(7);
    expect(gl.getProgramParameter(program, LINK_STATUS)).toBe(true);
    expect(calls).toEqual([
      `getProgramParameter ${ACTIVE_UNIFORMS}`,
      `getProgramParameter ${LINK_STATUS}`,
    ]);
  });
});
