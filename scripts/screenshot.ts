/**
 * `npm run screenshot`: serves the built app (`dist/`) and saves the README's screenshot,
 * public/screenshot.png, of the default dataset on the day its second route appeared.
 */
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { preview } from "vite";

const VIEW = "#t=2017-10-01&sel=link:ttk-khasan&anim=0";
const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const server = await preview({ preview: { port: 4179, host: "127.0.0.1", strictPort: true } });
const browser = await chromium.launch({
  ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
  args: [
    "--no-sandbox",
    "--disable-background-networking",
    "--use-angle=gl-egl",
    "--ignore-gpu-blocklist",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(`http://127.0.0.1:4179/${VIEW}`);
  await page.waitForFunction(() => document.documentElement.dataset.state === "ready", null, {
    timeout: 120_000,
  });
  // Let the camera settle on the selection before taking the picture.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: "public/screenshot.png" });
  console.log("wrote public/screenshot.png");
} finally {
  await browser.close();
  server.httpServer.close();
}
