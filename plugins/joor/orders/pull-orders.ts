import { EXPORT_STATUS_EXPORTED, EXPORT_STATUS_NEW_AND_MODIFIED, getOrderPage, ORDER_TYPE_APPROVED, V2Get } from "../client/orders";

/**
 * Pulling approved orders: `sync=1` pages (JOOR marks what it returns exported, and a returned order leaves the
 * result set, so the client follows `next_start` rather than adding `count`). Each page is handed to `stage`
 * (one transaction) before the next is asked for. `sweep` re-reads, without exporting anything, the approved
 * orders JOOR already counts as exported, so that a page lost between JOOR's answer and the staging commit
 * (a crash, a dropped connection, a corrupted body) is still staged.
 */

export interface PullDeps {
  get: V2Get;
  /** Waits between retries of a failed sync page (default: real time). */
  sleep?: (ms: number) => Promise<void>;
  pageSize: number;
  signal?: AbortSignal;
  throwIfCancelled?: () => void;
  /** Stages one page (one transaction); resolves once it is committed. */
  stage(orders: unknown[]): Promise<void>;
}

const MAX_PAGES = 100_000;
const PAGE_ATTEMPTS = 8;

/**
 * A sync page that failed after JOOR may have acted on it (a 5xx, a dropped connection, a timeout, a corrupted
 * body) may have exported orders Selvedge never saw: `suspectLoss` tells the caller to sweep. A 429 is not one
 * (JOOR refused the request). The page is asked for again (the HTTP layer is told not to retry these itself).
 */
export async function pullApproved(deps: PullDeps): Promise<{ pages: number; orders: number; suspectLoss: boolean }> {
  let startFrom = 0;
  let pages = 0;
  let orders = 0;
  let suspectLoss = false;
  let emptyStreak = 0;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let guard = 0; guard < MAX_PAGES; guard++) {
    deps.throwIfCancelled?.();
    let page: Awaited<ReturnType<typeof getOrderPage>> | null = null;
    for (let attempt = 1; page === null; attempt++) {
      try {
        page = await getOrderPage(
          deps.get,
          {
            orderType: ORDER_TYPE_APPROVED,
            exportStatus: EXPORT_STATUS_NEW_AND_MODIFIED,
            sync: 1,
            check: 0,
            startFrom,
            count: deps.pageSize,
          },
          deps.signal,
        );
      } catch (error) {
        const e = error as { transient?: boolean; status?: number; retryAfterMs?: number };
        if (e?.transient !== true) throw error;
        if (e.status !== 429) suspectLoss = true;
        if (attempt >= PAGE_ATTEMPTS) throw Object.assign(error as Error, { suspectLoss });
        deps.throwIfCancelled?.();
        await sleep(Math.min(e.status === 429 ? 0 : 250 * 2 ** (attempt - 1), 5_000));
      }
    }
    pages++;
    if (page.orders.length) await deps.stage(page.orders);
    orders += page.orders.length;
    // Done when JOOR says so. An empty page that claims more remain (a replayed page) is asked for again, a few times.
    if (page.nextStart === null) break;
    emptyStreak = page.orders.length ? 0 : emptyStreak + 1;
    if (emptyStreak >= 3) break;
    startFrom = page.nextStart;
  }
  return { pages, orders, suspectLoss };
}

/** Read-only pass over exported approved orders; `stageMissing` stages the ones Selvedge does not have. */
export async function sweepExported(
  deps: Omit<PullDeps, "stage"> & { stageMissing(orders: unknown[]): Promise<void> },
): Promise<{ pages: number; orders: number }> {
  let startFrom = 0;
  let pages = 0;
  let orders = 0;
  for (let guard = 0; guard < MAX_PAGES; guard++) {
    deps.throwIfCancelled?.();
    const page = await getOrderPage(
      deps.get,
      {
        orderType: ORDER_TYPE_APPROVED,
        exportStatus: EXPORT_STATUS_EXPORTED,
        sync: 0,
        check: 0,
        startFrom,
        count: deps.pageSize,
      },
      deps.signal,
    );
    pages++;
    if (page.orders.length) await deps.stageMissing(page.orders);
    orders += page.orders.length;
    if (page.nextStart === null || page.orders.length === 0 || page.nextStart <= startFrom) break;
    startFrom = page.nextStart;
  }
  return { pages, orders };
}

/** Read-only pass for dry runs: what a real run would pull, nothing exported or staged. */
export async function previewApproved(deps: Omit<PullDeps, "stage"> & { see(orders: unknown[]): Promise<void> }): Promise<number> {
  let startFrom = 0;
  let seen = 0;
  for (let guard = 0; guard < MAX_PAGES; guard++) {
    deps.throwIfCancelled?.();
    const page = await getOrderPage(
      deps.get,
      {
        orderType: ORDER_TYPE_APPROVED,
        exportStatus: EXPORT_STATUS_NEW_AND_MODIFIED,
        sync: 0,
        check: 0,
        startFrom,
        count: deps.pageSize,
      },
      deps.signal,
    );
    if (page.orders.length) await deps.see(page.orders);
    seen += page.orders.length;
    if (page.nextStart === null || page.orders.length === 0 || page.nextStart <= startFrom) break;
    startFrom = page.nextStart;
  }
  return seen;
}
