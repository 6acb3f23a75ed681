import { type OperationContext } from "../../../src/plugin";
import { creditBudgetFor } from "../runtime";
import { connectionFrom } from "../settings/connection";
import type { JoorSettingsDeclaration } from "../settings/declaration";
import { CollectionsApi } from "./collections";
import { ConnectionsApi } from "./connections";
import { JoorHttp, type JoorHttpOptions } from "./http";
import { ProductsApi } from "./products";
import { ReferenceApi } from "./reference";
import { SeasonsApi } from "./seasons";
import { SkusApi } from "./skus";

export { JoorHttp, type JoorConnection, type JoorHttpOptions } from "./http";
export { JoorAuthError, JoorPermanentError, JoorTransientError } from "./errors";
export { upsertBulk, bulkWrite, batches, type UpsertOutcome, type UpsertSpec } from "./bulk";
export type { V4Envelope, V4ItemError, ItemResult } from "./envelope";

/**
 * The JOOR client of one job: `http` (auth, credits, retries, envelopes — client/http.ts) and one API object per
 * resource. Further resources live in their own files and take the same `http`
 * (e.g. `new PricesApi(client.http, client.batchSize)` in client/prices.ts), so adding one touches no other file.
 */
export class JoorClient {
  readonly connections: ConnectionsApi;
  readonly products: ProductsApi;
  readonly skus: SkusApi;
  readonly collections: CollectionsApi;
  readonly seasons: SeasonsApi;
  readonly reference: ReferenceApi;

  constructor(
    readonly http: JoorHttp,
    readonly batchSize: number,
  ) {
    this.connections = new ConnectionsApi(http);
    this.products = new ProductsApi(http, batchSize);
    this.skus = new SkusApi(http, batchSize);
    this.collections = new CollectionsApi(http, batchSize);
    this.seasons = new SeasonsApi(http, batchSize);
    this.reference = new ReferenceApi(http);
  }
}

/**
 * The client for an operation: the brand's settings, the process's shared credit budget, the job's signal, and
 * its logger (every request at debug level; credit waits at info, so a waiting job says so in its log).
 */
export function joorClientFor(ctx: OperationContext<JoorSettingsDeclaration>, extra: Partial<JoorHttpOptions> = {}): JoorClient {
  const http = new JoorHttp({
    connection: connectionFrom(ctx.settings),
    budget: creditBudgetFor(ctx.host),
    signal: ctx.signal,
    log: (level, message, data) => ctx.logger[level](message, data),
    // the job's progress says it is waiting, and until when (Job.waitingUntil / waitingReason), then clears it
    onCreditWait: (until) => ctx.progress.setWaiting(until, "waiting for JOOR credits"),
    ...extra,
  });
  return new JoorClient(http, ctx.settings.batchSize);
}
