import { EventEmitter } from "node:events";

/** A change that may end a principal's access: a token revoked, a user deactivated or their role changed. */
export interface AccessChange {
  tokenId?: number;
  userId?: number;
}

/**
 * In-process notice of access changes, so that open graphql-ws connections of that token or user are
 * re-checked at once (and closed with 4403 when no longer valid). Changes made elsewhere (another API
 * process, the CLI) are caught by the periodic re-check (SELVEDGE_AUTH_RECHECK_MS).
 */
export class AccessChanges {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  notify(change: AccessChange): void {
    this.emitter.emit("change", change);
  }

  subscribe(listener: (change: AccessChange) => void): () => void {
    this.emitter.on("change", listener);
    return () => this.emitter.off("change", listener);
  }
}
