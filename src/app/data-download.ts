/** How a `data=` file is downloaded, and how its progress and failures are put in words. */
import { LoadError } from "../model/load";
import { summarizeError } from "../model/problems";
import type { DataRequest } from "../remote/data-param";

/** How long a download from `data=` may go without data before it is given up. */
export const DATA_TIMEOUT_MS = 30_000;

export const megabytes = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** The request options for `request`: another site gets no cookies and no referrer. */
export function fetchOptionsFor(request: Exclude<DataRequest, { kind: "refused" }>): RequestInit {
  return request.kind === "cross-origin"
    ? { credentials: "omit", referrerPolicy: "no-referrer", mode: "cors" }
    : { credentials: "same-origin" };
}

/** How messages name the file `value` (of `data=`) asks for. */
export function dataNameOf(request: DataRequest, value: string): string {
  return request.kind === "same-origin"
    ? request.label
    : request.kind === "cross-origin"
      ? request.url
      : value;
}

/** The loading panel's text while `name` downloads. */
export const downloadText = (name: string, loaded: number, total: number | null): string =>
  `Loading ${name}… ${megabytes(loaded)}${total ? ` of ${megabytes(total)}` : ""}`;

/** The alert's message when the file `request` asks for could not be opened. */
export function dataFailureMessage(request: DataRequest, error: unknown): string {
  const message = summarizeError(error);
  // The browser reports a CORS refusal as a network error: the message cannot tell them apart.
  if (
    request.kind === "cross-origin" &&
    error instanceof LoadError &&
    error.failure === "network"
  ) {
    return `${message}\n${request.origin} could not be reached, or it does not let other sites read this file (CORS).`;
  }
  return message;
}
