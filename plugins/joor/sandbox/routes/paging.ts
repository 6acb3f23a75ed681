import type { Request, Response } from "express";
import type { FaultDecision } from "../faults";
import type { AccountState } from "../state/account";

const PAGING_PARAMS = new Set(["start_from", "count", "page", "page_size", "account"]);

/** The same list query without its paging parameters: pages of one listing share this key. */
export function listKey(req: Request): string {
  const q = Object.entries(req.query as Record<string, unknown>)
    .filter(([k]) => !PAGING_PARAMS.has(k))
    .map(([k, v]) => `${k}=${String(v)}`)
    .sort();
  return `${req.baseUrl}${req.path}?${q.join("&")}`;
}

/**
 * duplicate_page fault support: when the fault fired for this request, return the items of the
 * previous page served for the same listing (without computing, so nothing is marked exported).
 */
export function replayPage<T>(req: Request, res: Response, acct: AccountState): T[] | null {
  const fault = res.locals.fault as FaultDecision | undefined;
  const last = acct.lastPages.get(listKey(req));
  if (!fault || !last || !fault.takeDuplicatePage()) return null;
  res.locals.faultName = fault.names.join(",");
  return last as T[];
}

export function rememberPage(req: Request, acct: AccountState, items: unknown[], suffix = ""): void {
  acct.lastPages.set(listKey(req) + suffix, items);
}

/** v4 list paging: `page` (1-based) and `page_size` — JOOR's v4 paging is [UNKNOWN]; these names come from client code. */
export interface V4Page {
  page: number;
  page_size: number;
}

export function v4Meta(p: V4Page, total: number): Record<string, unknown> {
  return { page: p.page, page_size: p.page_size, total, next_page: p.page * p.page_size < total ? p.page + 1 : null };
}

/**
 * Send a v4 list page: `{data, errors, meta}`. `items` is the full filtered list (cheap arrays or
 * index lookups); only the page is serialised.
 */
export function sendV4Page<T>(req: Request, res: Response, acct: AccountState, p: V4Page, items: T[], errors: unknown[], serialize: (t: T) => unknown): void {
  const replay = replayPage<unknown>(req, res, acct);
  const data = replay ?? items.slice((p.page - 1) * p.page_size, p.page * p.page_size).map(serialize);
  rememberPage(req, acct, data);
  res.json({ data, errors, meta: v4Meta(p, items.length) });
}

/** Items looked up by id; unknown ids become NOT_FOUND errors. */
export function byIds<T>(ids: string[], lookup: (id: string) => T | undefined, what: string): { items: T[]; errors: unknown[] } {
  const items: T[] = [];
  const errors: unknown[] = [];
  for (const id of ids) {
    const t = lookup(id);
    if (t === undefined) errors.push({ status: "NOT_FOUND", message: `${what} ${id} not found`, details: { id } });
    else items.push(t);
  }
  return { items, errors };
}
