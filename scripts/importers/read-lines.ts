/**
 * Reads a text file line by line without loading it whole, decompressing `.gz` and `.bz2`
 * (recognised by their first bytes, not their names) on the way.
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from "node:fs";
import { PassThrough, pipeline, type Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import bz2 from "unbzip2-stream";
import { InputError } from "./input-error";
import { createProgress, PROGRESS_MIN_BYTES } from "./progress";

export type Compression = "gzip" | "bzip2" | "none";

/** The compression of `file`, from its magic bytes. */
export function detectCompression(file: string): Compression {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(3);
    const n = readSync(fd, head, 0, 3, 0);
    if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "gzip";
    if (n === 3 && head.toString("latin1") === "BZh") return "bzip2";
    return "none";
  } finally {
    closeSync(fd);
  }
}

export interface ReadLinesOptions {
  /** Label of the progress bar drawn for files over a few MB; none when omitted. */
  progressLabel?: string;
}

/**
 * Yields the lines of `file` (without line ends), decompressing as needed. Memory stays bounded
 * by one chunk plus one line, whatever the file's size. Throws the read or decompression error.
 */
export async function* readLines(
  file: string,
  { progressLabel }: ReadLinesOptions = {},
): AsyncGenerator<string> {
  const size = statSync(file).size;
  const compression = detectCompression(file);
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  const progress = createProgress(progressLabel ?? file, size, {
    enabled: progressLabel !== undefined && size >= PROGRESS_MIN_BYTES,
  });
  let text: Readable = raw;
  if (compression !== "none") {
    const decoder = compression === "gzip" ? createGunzip() : bz2();
    // The bzip2 decoder is a classic stream; a PassThrough gives it async iteration.
    text = pipeline(raw, decoder, new PassThrough(), () => {});
  }

  const lineDecoder = new StringDecoder("utf8");
  const chunks = text[Symbol.asyncIterator]();
  let rest = "";
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (error) {
        const what =
          compression === "none"
            ? "cannot read the file"
            : `${compression} data is corrupt or truncated`;
        throw new InputError([{ file, message: `${what} (${(error as Error).message})` }]);
      }
      if (next.done) break;
      progress.update(raw.bytesRead);
      const lines = (rest + lineDecoder.write(next.value)).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) yield withoutCr(line);
    }
    rest += lineDecoder.end();
    progress.finish();
    if (rest !== "") yield withoutCr(rest);
  } finally {
    // Also when the reader stops early: close the file.
    raw.destroy();
    text.destroy();
  }
}

const withoutCr = (line: string) => (line.endsWith("\r") ? line.slice(0, -1) : line);
