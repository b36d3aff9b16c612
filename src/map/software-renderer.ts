/**
 * Whether WebGL is drawn by the CPU: Mesa's llvmpipe, softpipe or lavapipe, Google's SwiftShader,
 * Microsoft's WARP ("Basic Render Driver"). What a laptop without a working GPU driver, a virtual
 * desktop or a locked-down machine gives. There, multisampled antialiasing costs a third of an
 * animation frame (see `deck-surfaces.ts`); on a GPU, next to nothing.
 */
const SOFTWARE = /llvmpipe|softpipe|lavapipe|swiftshader|basic render|software/i;

/** Whether `renderer` (a WebGL renderer string) names a renderer that draws on the CPU. */
export const isSoftwareRenderer = (renderer: string): boolean => SOFTWARE.test(renderer);

type GL = WebGLRenderingContext | WebGL2RenderingContext;

/**
 * The renderer of the WebGL context `canvas` has (MapLibre's canvas has one once the map is made;
 * on a canvas without one, this would make one): the real one where the browser tells it
 * (`WEBGL_debug_renderer_info`), else what it calls itself. `null` without WebGL.
 */
export function rendererOf(canvas: HTMLCanvasElement): string | null {
  // Asking for the type a canvas already has returns its context; the other type, `null`.
  const gl: GL | null = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
  if (!gl) return null;
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}
