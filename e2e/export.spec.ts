import { readFile } from "node:fs/promises";
import { type Download, expect, type Page, test } from "@playwright/test";
import { decodePng, type Image } from "./helpers";

/** The dark theme's terrestrial link colour, rgb(53,208,255), and its antialiased edges. */
const isLinkBlue = (r: number, g: number, b: number) => b > 150 && g > 120 && r < 120;

/**
 * Opens the app at `hash` and waits for its first frame, allowing for a busy machine: software
 * WebGL shares the CPU with the other worker's clip.
 */
async function openApp(page: Page, hash: string) {
  await page.goto(`./#${hash}`);
  await expect(page.locator("html")).toHaveAttribute("data-state", "ready", { timeout: 60_000 });
}

async function openExport(page: Page) {
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Export" });
  await expect(dialog).toBeVisible();
  return dialog;
}

const bytesOf = async (download: Download) => new Uint8Array(await readFile(await download.path()));

/** EBML variable-length integer at `at`: its length in bytes and its value (marker bit removed). */
function vint(
  bytes: Uint8Array,
  at: number,
  keepMarker: boolean,
): { length: number; value: number } {
  const first = bytes[at] ?? 0;
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + (bytes[at + i] ?? 0);
  return { length, value };
}

/** Element ids of a WebM file, walked into the Segment and its Clusters. */
function webmElementIds(bytes: Uint8Array): number[] {
  const SEGMENT = 0x18538067;
  const CLUSTER = 0x1f43b675;
  const ids: number[] = [];
  const walk = (start: number, end: number) => {
    let at = start;
    while (at < end) {
      const id = vint(bytes, at, true);
      const size = vint(bytes, at + id.length, false);
      const body = at + id.length + size.length;
      const unknown = size.value === 2 ** (7 * size.length) - 1;
      const bodyEnd = unknown ? end : Math.min(end, body + size.value);
      ids.push(id.value);
      if (id.value === SEGMENT || id.value === CLUSTER) walk(body, bodyEnd);
      at = bodyEnd;
    }
  };
  walk(0, bytes.length);
  return ids;
}

/** Top-level and nested MP4 boxes, by type, with where their bodies start. */
function mp4Boxes(bytes: Uint8Array): { type: string; body: number }[] {
  const containers = new Set(["moov", "trak", "mdia", "minf", "stbl"]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: { type: string; body: number }[] = [];
  const walk = (start: number, end: number) => {
    let at = start;
    while (at + 8 <= end) {
      const size = view.getUint32(at);
      const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
      boxes.push({ type, body: at + 8 });
      if (containers.has(type)) walk(at + 8, at + size);
      if (size < 8) break;
      at += size;
    }
  };
  walk(0, bytes.length);
  return boxes;
}

const blueAt = (img: Image, x: number, y: number) => {
  const i = (y * img.width + x) * 4;
  return isLinkBlue(img.data[i] ?? 0, img.data[i + 1] ?? 0, img.data[i + 2] ?? 0);
};

/**
 * Share of the link-coloured pixels of a 1× image that are link-coloured near the same place in
 * `big`, an image of the same view at `scale`: links drawn smaller or shifted against the basemap
 * give a low share.
 */
function alignedShare(one: Image, big: Image, scale: number): { blue: number; share: number } {
  let blue = 0;
  let matched = 0;
  for (let y = 1; y < one.height - 1; y++) {
    for (let x = 1; x < one.width - 1; x++) {
      if (!blueAt(one, x, y)) continue;
      blue++;
      const cx = Math.round(scale * x);
      const cy = Math.round(scale * y);
      let near = false;
      for (let dy = -2; dy <= 2 && !near; dy++)
        for (let dx = -2; dx <= 2 && !near; dx++) near = blueAt(big, cx + dx, cy + dy);
      if (near) matched++;
    }
  }
  return { blue, share: blue ? matched / blue : 0 };
}

/** The last frame of a video, decoded by the page's own <video> element, as RGBA pixels. */
async function lastVideoFrame(page: Page, bytes: Uint8Array, type: string): Promise<Image> {
  // A blank page of its own: the app's content security policy rightly plays no media.
  const viewer = await page.context().newPage();
  await viewer.setContent("<!doctype html><title>viewer</title>");
  const { width, height, pixels } = await viewer.evaluate(
    async ({ base64, type }) => {
      const video = document.createElement("video");
      video.muted = true;
      video.src = `data:${type};base64,${base64}`;
      await new Promise((resolve, reject) => {
        video.addEventListener("loadeddata", resolve, { once: true });
        video.addEventListener("error", () => reject(new Error("the video does not decode")));
      });
      video.currentTime = Math.max(0, video.duration - 0.02);
      await new Promise((resolve) => video.addEventListener("seeked", resolve, { once: true }));
      const canvas = document.createElement("canvas");
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no 2D canvas");
      context.drawImage(video, 0, 0);
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let binary = "";
      for (let i = 0; i < data.length; i += 0x8000)
        binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
      return { width: canvas.width, height: canvas.height, pixels: btoa(binary) };
    },
    { base64: Buffer.from(bytes).toString("base64"), type },
  );
  await viewer.close();
  return { width, height, data: Buffer.from(pixels, "base64") };
}

test("a PNG at 2× of a 1280 × 720 view is 2560 × 1440, named after the view, with the links drawn", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await openApp(page, "anim=0&t=2018-01-01&sel=link:ttk-khasan");
  const dialog = await openExport(page);
  await dialog.getByRole("radio", { name: "2×" }).check();

  const downloading = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download PNG" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("uplinks-north-korea-2018-01-01-ttk-khasan@2x.png");
  await download.saveAs(testInfo.outputPath("export@2x.png"));

  const image = decodePng(Buffer.from(await bytesOf(download)));
  expect([image.width, image.height]).toEqual([2560, 1440]);
  let blue = 0;
  let lit = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const r = image.data[i] ?? 0;
    const g = image.data[i + 1] ?? 0;
    const b = image.data[i + 2] ?? 0;
    if (isLinkBlue(r, g, b)) blue++;
    if (r + g + b > 120) lit++;
  }
  expect(blue).toBeGreaterThan(500);
  expect(lit).toBeGreaterThan(10_000);
  await expect(dialog.getByRole("status")).toContainText("2560 × 1440");

  // The links sit where they sit at 1×: scaled up with the basemap, not drawn smaller or shifted.
  await dialog.getByRole("radio", { name: "1×" }).check();
  const downloadingOne = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download PNG" }).click();
  const one = decodePng(Buffer.from(await bytesOf(await downloadingOne)));
  expect([one.width, one.height]).toEqual([1280, 720]);
  const aligned = alignedShare(one, image, 2);
  expect(aligned.blue).toBeGreaterThan(200);
  expect(aligned.share).toBeGreaterThan(0.9);

  // The map is live again at the screen's resolution.
  await expect(page.locator("#map canvas").first()).toHaveAttribute("width", "1280");
  // Escape closes the dialog, and only the dialog: the selection stays.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/sel=link:ttk-khasan/);
  expect(errors).toEqual([]);
});

test("a 2-second clip is a WebM of about 60 frames, and the user's date comes back", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page, "anim=0&t=2018-01-01");
  const dialog = await openExport(page);
  await expect(dialog.getByText("WebM (VP9)")).toBeVisible();
  await dialog.getByLabel("From").fill("2017-09-25");
  await dialog.getByLabel("To").fill("2017-10-05");
  await dialog.getByLabel("Duration (seconds)").fill("2");

  const downloading = page.waitForEvent("download", { timeout: 170_000 });
  await dialog.getByRole("button", { name: "Export video" }).click();
  await expect(dialog.getByRole("progressbar", { name: "Export progress" })).toBeVisible();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("uplinks-north-korea-2017-09-25-to-2017-10-05.webm");

  const bytes = await bytesOf(download);
  expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  const ids = webmElementIds(bytes);
  expect(ids).toContain(0x18538067);
  const blocks = ids.filter((id) => id === 0xa3 || id === 0xa0).length;
  expect(blocks).toBeGreaterThanOrEqual(58);
  expect(blocks).toBeLessThanOrEqual(62);

  await expect(page.getByRole("slider", { name: "Date" })).toHaveAttribute(
    "aria-valuetext",
    "2018-01-01",
  );
  await expect(dialog.getByRole("progressbar", { name: "Export progress" })).toBeHidden();

  // The 1920 × 1080 frames (1.5× the window) draw the links where a 1× image of the same links
  // (both routes are up on 2017-10-05 and 2018-01-01) draws them.
  const downloadingPng = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download PNG" }).click();
  const one = decodePng(Buffer.from(await bytesOf(await downloadingPng)));
  const last = await lastVideoFrame(page, bytes, "video/webm");
  expect([last.width, last.height]).toEqual([1920, 1080]);
  const aligned = alignedShare(one, last, 1.5);
  expect(aligned.blue).toBeGreaterThan(200);
  expect(aligned.share).toBeGreaterThan(0.8);
});

test("Cancel stops a clip being made and brings the user's date back", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, "anim=0&t=2018-01-01");
  const dialog = await openExport(page);
  await dialog.getByLabel("From").fill("2011-01-01");
  await dialog.getByLabel("To").fill("2017-10-05");
  await dialog.getByLabel("Duration (seconds)").fill("60");
  let downloaded = false;
  page.on("download", () => {
    downloaded = true;
  });
  await dialog.getByRole("button", { name: "Export video" }).click();
  await expect(dialog.getByText(/Frame ([2-9]|[1-9]\d+) of 1800/)).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Export cancelled.");
  await expect(page.getByRole("slider", { name: "Date" })).toHaveAttribute(
    "aria-valuetext",
    "2018-01-01",
  );
  await expect(dialog.getByRole("button", { name: "Export video" })).toBeEnabled();
  expect(downloaded).toBe(false);
});

test("where VP9 cannot be encoded, the clip is an MP4 (H.264)", async ({ page }) => {
  test.setTimeout(150_000);
  await page.addInitScript(() => {
    const isConfigSupported = VideoEncoder.isConfigSupported.bind(VideoEncoder);
    VideoEncoder.isConfigSupported = (config: VideoEncoderConfig) =>
      config.codec.startsWith("vp09")
        ? Promise.resolve({ supported: false, config })
        : isConfigSupported(config);
  });
  await openApp(page, "anim=0&t=2018-01-01");
  const dialog = await openExport(page);
  await expect(dialog.getByText("MP4 (H.264)")).toBeVisible();
  await dialog.getByLabel("From").fill("2017-09-28");
  await dialog.getByLabel("To").fill("2017-10-02");
  await dialog.getByLabel("Duration (seconds)").fill("1");
  const downloading = page.waitForEvent("download", { timeout: 140_000 });
  await dialog.getByRole("button", { name: "Export video" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("uplinks-north-korea-2017-09-28-to-2017-10-02.mp4");

  const bytes = await bytesOf(download);
  const boxes = mp4Boxes(bytes);
  expect(boxes[0]?.type).toBe("ftyp");
  const stsz = boxes.find((b) => b.type === "stsz");
  expect(stsz).toBeDefined();
  // stsz: version and flags (4 bytes), a common sample size (4), then the sample count.
  const samples = new DataView(bytes.buffer, bytes.byteOffset).getUint32((stsz?.body ?? 0) + 8);
  expect(samples).toBe(30);
});

test("without WebCodecs the dialog says video cannot be made here, and images still can", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.addInitScript(() => {
    Reflect.deleteProperty(window, "VideoEncoder");
  });
  await openApp(page, "anim=0&t=2018-01-01");
  const dialog = await openExport(page);
  await expect(
    dialog.getByText(
      "This browser cannot encode video (WebCodecs is missing); use Chrome, Edge or a recent Firefox/Safari.",
    ),
  ).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Export video" })).toBeDisabled();
  await expect(dialog.getByRole("button", { name: "Download PNG" })).toBeEnabled();

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Export", exact: true })).toBeFocused();
});
