// Installed by `npm run bench` into every page it measures, before the page's own scripts
// (Playwright's addInitScript). Plain browser JavaScript, so nothing transpiles it: it reads the
// page only from outside (the DOM, requestAnimationFrame), as the app's contract allows.
(() => {
  /** performance.now() (ms since navigation start) when data-state first became "ready". */
  let readyAt = null;
  const check = () => {
    const root = document.documentElement;
    if (readyAt === null && root && root.dataset.state === "ready") readyAt = performance.now();
  };
  // On the document with subtree, so it also sees the root element the parser has yet to make.
  new MutationObserver(check).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ["data-state"],
  });

  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

  /** Presses on the "Date" slider at `fraction` of its width, as a pointer would. */
  const pressSlider = (slider, fraction) => {
    const rect = slider.getBoundingClientRect();
    const init = {
      pointerId: 1,
      pointerType: "mouse",
      isPrimary: true,
      clientX: rect.left + fraction * rect.width,
      clientY: rect.top + rect.height / 2,
      button: 0,
      buttons: 1,
      bubbles: true,
      cancelable: true,
      composed: true,
    };
    slider.dispatchEvent(new PointerEvent("pointerdown", init));
    slider.dispatchEvent(new PointerEvent("pointerup", { ...init, buttons: 0 }));
  };

  window.__benchHarness = {
    readyAt: () => readyAt,

    /**
     * requestAnimationFrame deltas (ms) until `max` deltas, or until `budgetMs` has passed and
     * there are at least `min`.
     */
    async sampleFrames({ max, budgetMs, min }) {
      const deltas = [];
      const start = await nextFrame();
      let last = start;
      for (;;) {
        const t = await nextFrame();
        deltas.push(t - last);
        last = t;
        if (deltas.length >= max || (t - start >= budgetMs && deltas.length >= min)) return deltas;
      }
    },

    /**
     * Scrubs: for each change, at the start of a frame, moves the date (the app: a press on its
     * "Date" slider at `fractions[i]`; the reference: `__bench.setDay(days[i])`) and times it to
     * the second frame after, the one that begins once the frame showing the change is drawn.
     * Stops after `budgetMs` once `min` changes are done.
     */
    async scrub({ page, fractions, days, budgetMs, min }) {
      const slider =
        page === "app" ? document.querySelector('[role="slider"][aria-label="Date"]') : null;
      if (page === "app" && !slider) throw new Error('no role="slider" named "Date" in the page');
      const durations = [];
      let moved = 0;
      const started = performance.now();
      for (let i = 0; i < fractions.length; i++) {
        if (i >= min && performance.now() - started >= budgetMs) break;
        const ms = await new Promise((resolve) => {
          requestAnimationFrame(() => {
            const t0 = performance.now();
            if (slider) {
              const before = slider.getAttribute("aria-valuetext");
              pressSlider(slider, fractions[i]);
              if (slider.getAttribute("aria-valuetext") !== before) moved++;
            } else {
              window.__bench.setDay(days[i]);
              moved++;
            }
            requestAnimationFrame(() =>
              requestAnimationFrame(() => resolve(performance.now() - t0)),
            );
          });
        });
        durations.push(ms);
      }
      return { durations, moved };
    },

    /** The WebGL renderer string (unmasked where the browser allows). */
    glRenderer() {
      const gl = document.createElement("canvas").getContext("webgl2");
      if (!gl) return "no WebGL2";
      const info = gl.getExtension("WEBGL_debug_renderer_info");
      return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    },
  };
})();
