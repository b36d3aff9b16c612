/**
 * How the specs start Chromium: the system browser at `$CHROMIUM_PATH` (default
 * /usr/bin/chromium) where it exists, else the one `npx playwright install chromium` downloads;
 * with software WebGL through Mesa's llvmpipe (`--use-angle=gl-egl`), 8–10× faster than
 * SwiftShader on machines without a GPU.
 */
import { existsSync } from "node:fs";
import type { LaunchOptions } from "@playwright/test";

const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--use-angle=gl-egl",
  "--ignore-gpu-blocklist",
];

/** Launch options for Chromium, with `extraArgs` after the usual ones. */
export const chromiumLaunchOptions = (extraArgs: readonly string[] = []): LaunchOptions => ({
  ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
  args: [...CHROMIUM_ARGS, ...extraArgs],
});
