import { TransientError } from "../../../src/plugin";

/** A JOOR answer a retry cannot fix (bad credentials, a 4xx that is not about rate or tokens). */
export class JoorPermanentError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = "JoorPermanentError";
  }
}

/** JOOR refused the credentials (token endpoint 401/400, or v2 401). */
export class JoorAuthError extends JoorPermanentError {
  constructor(message: string, status?: number, code?: string) {
    super(message, status, code);
    this.name = "JoorAuthError";
  }
}

/**
 * A failure a retry can fix: 429, 5xx, a timeout, a dropped connection, malformed JSON. It is the plugin
 * SDK's TransientError, so when it escapes an operation the host retries the job with backoff.
 */
export class JoorTransientError extends TransientError {
  constructor(
    message: string,
    readonly status?: number,
    retryAfterMs?: number,
  ) {
    super(message, retryAfterMs);
    this.name = "JoorTransientError";
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || (error as { code?: string }).code === "ABORT_ERR");
}
