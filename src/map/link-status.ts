/**
 * deck.gl's GPU layer (luma.gl) validates each shader program once it is linked: `validateProgram`,
 * then the program's VALIDATE_STATUS. In Chromium that query is a synchronous round trip to the
 * GPU process, answered only once the GPU has run every command queued before it: while a large
 * dataset opens, a frame of the basemap. At 100,000 links with software WebGL, those waits held
 * the page for most of a second, and each surface's first frame with it.
 *
 * Validation tells whether a program can run with the GL state of the moment. At link time that
 * is not the state it will draw with, so it tells nothing the link status does not. Here a
 * context's validation is its link status, which the browser already holds: no round trip.
 */
export function validateByLinkStatus(gl: WebGL2RenderingContext): void {
  const read = gl.getProgramParameter.bind(gl);
  const replacement: Pick<WebGL2RenderingContext, "validateProgram" | "getProgramParameter"> = {
    validateProgram: () => {},
    getProgramParameter: (program, name) =>
      read(program, name === gl.VALIDATE_STATUS ? gl.LINK_STATUS : name),
  };
  Object.assign(gl, replacement);
}
