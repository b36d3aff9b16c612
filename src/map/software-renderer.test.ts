import { describe, expect, it } from "vitest";
import { isSoftwareRenderer, rendererOf } from "./software-renderer";

describe("isSoftwareRenderer", () => {
  it.each([
    "ANGLE (Mesa/X.org, llvmpipe (LLVM 15.0.6 256 bits), OpenGL ES 3.2)",
    "llvmpipe (LLVM 12.0.0, 256 bits)",
    "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)",
    "Google SwiftShader",
    "ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)",
    "softpipe",
  ])("knows %s draws on the CPU", (renderer) => {
    expect(isSoftwareRenderer(renderer)).toBe(true);
  });

  it.each([
    "ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)",
    "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)",
    "Apple M2",
    "Mali-G78",
    "WebKit WebGL",
  ])("takes %s for a GPU", (renderer) => {
    expect(isSoftwareRenderer(renderer)).toBe(false);
  });
});

/** A canvas whose context of type `has` reports `renderer`, with the debug extension or not. */
function canvasWith(has: "webgl" | "webgl2" | null, renderer: string, debugInfo: boolean) {
  const UNMASKED_RENDERER_WEBGL = 0x9246;
  const RENDERER = 0x1f01;
  const gl = {
    RENDERER,
    getExtension: (name: string) =>
      debugInfo && name === "WEBGL_debug_renderer_info" ? { UNMASKED_RENDERER_WEBGL } : null,
    getParameter: (p: number) =>
      p === UNMASKED_RENDERER_WEBGL ? renderer : p === RENDERER ? "WebKit WebGL" : null,
  };
  return {
    getContext: (type: string) => (type === has ? gl : null),
  } as unknown as HTMLCanvasElement;
}

describe("rendererOf", () => {
  it("reads the unmasked renderer of the canvas's context, of either type", () => {
    expect(rendererOf(canvasWith("webgl2", "llvmpipe", true))).toBe("llvmpipe");
    expect(rendererOf(canvasWith("webgl", "Apple M2", true))).toBe("Apple M2");
  });

  it("falls back on the masked name without the debug extension, and on null without WebGL", () => {
    expect(rendererOf(canvasWith("webgl2", "llvmpipe", false))).toBe("WebKit WebGL");
    expect(rendererOf(canvasWith(null, "llvmpipe", true))).toBeNull();
  });
});
