import type { Response } from "express";
import type { FaultDecision } from "../faults";
import type { AccountState } from "../state/account";

/**
 * duplicate_page fault support: when the fault fired for this request, return the items of the
 * previous page served on the same route (without computing, so nothing is marked exported).
 */
export function replayPage<T>(res: Response, acct: AccountState, key: string): T[] | null {
  const fault = res.locals.fault as FaultDecision | undefined;
  if (!fault?.duplicatePage) return null;
  const last = acct.lastPages.get(key);
  return last ? (last as T[]) : null;
}

export function rememberPage(acct: AccountState, key: string, items: unknown[]): void {
  acct.lastPages.set(key, items);
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
export function sendV4Page<T>(res: Response, acct: AccountState, key: string, p: V4Page, items: T[],
  errors: unknown[], serialize: (t: T) => unknown): void {
  const replay = replayPage<unknown>(res, acct, key);
  const data = replay ?? items.slice((p.page - 1) * p.page_size, p.page * p.page_size).map(serialize);
  rememberPage(acct, key, data);
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
