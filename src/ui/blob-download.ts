/** Saving a made file (a blob) as a download, and freeing its blob URL afterwards. */
import { h } from "./dom";

/** How long a download's blob URL is kept: long enough for the browser to start saving it. */
const REVOKE_AFTER_MS = 60_000;

/** Saves blobs as downloads; `dispose` frees the URLs of those not yet freed. */
export interface BlobDownloads {
  readonly save: (blob: Blob, fileName: string) => void;
  readonly dispose: () => void;
}

export function createBlobDownloads(): BlobDownloads {
  const revokers: ReturnType<typeof setTimeout>[] = [];
  const urls = new Set<string>();
  return {
    save: (blob, fileName) => {
      const url = URL.createObjectURL(blob);
      urls.add(url);
      const link = h("a", { href: url, download: fileName, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      revokers.push(
        setTimeout(() => {
          URL.revokeObjectURL(url);
          urls.delete(url);
        }, REVOKE_AFTER_MS),
      );
    },
    dispose: () => {
      for (const timer of revokers) clearTimeout(timer);
      for (const url of urls) URL.revokeObjectURL(url);
    },
  };
}
