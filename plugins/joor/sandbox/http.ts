import type { Request, Response } from "express";
import { logId } from "./ids";
import type { ItemError } from "./validation";

/** An error that already knows its HTTP status and envelope flavour. */
export class HttpError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export type ApiFlavour = "v2" | "v4" | "admin" | "auth";

export function flavourOf(path: string): ApiFlavour {
  if (path.startsWith("/v2")) return "v2";
  if (path.startsWith("/v4")) return "v4";
  if (path.startsWith("/__admin")) return "admin";
  return "auth";
}

/** v2 `response` node: numeric code, comment and a log id. */
export function v2Response(code: number, comment = "", extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { code, comment, ...extra, log_id: logId() };
}

/** Error body in the flavour of the route family. */
export function errorBody(flavour: ApiFlavour, status: number, code: string, message: string, details: Record<string, unknown> = {}): Record<string, unknown> {
  switch (flavour) {
    case "v2":
      return { response: v2Response(status, message, { error: code, ...details }) };
    case "v4":
      return { data: [], errors: [{ status: code, message, details }] };
    case "auth":
      return { error: code, error_description: message };
    default:
      return { error: code, message, ...details };
  }
}

export function sendError(req: Request, res: Response, status: number, code: string, message: string, details: Record<string, unknown> = {}): void {
  res.status(status).json(errorBody(flavourOf(req.originalUrl), status, code, message, details));
}

/** v4 bulk reply: 200 when anything succeeded (or nothing was asked), 400 when every item failed. */
export function sendV4Bulk(res: Response, data: unknown[], errors: ItemError[]): void {
  res.status(data.length === 0 && errors.length > 0 ? 400 : 200).json({ data, errors });
}

// ---- query helpers -------------------------------------------------------------------------------
export function qstr(req: Request, name: string): string | undefined {
  const v = (req.query as Record<string, unknown>)[name];
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return String(v[v.length - 1]);
  return String(v);
}

export function qint(req: Request, name: string, opts: { min?: number; max?: number; def?: number } = {}): number | undefined {
  const raw = qstr(req, name);
  if (raw === undefined || raw === "") return opts.def;
  if (!/^-?\d+$/.test(raw)) throw new HttpError(400, "BAD_REQUEST", `query parameter '${name}' must be an integer`);
  const n = Number(raw);
  if (opts.min !== undefined && n < opts.min) throw new HttpError(400, "BAD_REQUEST", `query parameter '${name}' must be >= ${opts.min}`);
  if (opts.max !== undefined && n > opts.max) throw new HttpError(400, "BAD_REQUEST", `query parameter '${name}' must be <= ${opts.max}`);
  return n;
}

export function qbool(req: Request, name: string, def = false): boolean {
  const raw = qstr(req, name);
  if (raw === undefined || raw === "") return def;
  if (["1", "true", "yes"].includes(raw.toLowerCase())) return true;
  if (["0", "false", "no"].includes(raw.toLowerCase())) return false;
  throw new HttpError(400, "BAD_REQUEST", `query parameter '${name}' must be true/false or 1/0`);
}

/** Comma-separated (or repeated) id list. */
export function qlist(req: Request, name: string): string[] | undefined {
  const v = (req.query as Record<string, unknown>)[name];
  if (v === undefined) return undefined;
  const parts = (Array.isArray(v) ? v.map(String) : [String(v)]).flatMap((s) => s.split(","));
  return parts.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Body must be a JSON array of objects for v4 bulk endpoints. */
export function requireArrayBody(req: Request, maxItems: number): unknown[] {
  const body: unknown = req.body;
  if (!Array.isArray(body)) throw new HttpError(400, "BAD_REQUEST", "request body must be a JSON array of items");
  if (body.length === 0) throw new HttpError(400, "BAD_REQUEST", "request body must contain at least one item");
  if (maxItems > 0 && body.length > maxItems) {
    throw new HttpError(413, "TOO_MANY_ITEMS", `at most ${maxItems} items per bulk request (got ${body.length})`, { max_items: maxItems });
  }
  return body;
}
