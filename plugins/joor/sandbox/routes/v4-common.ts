import type { Request } from "express";
import { qint } from "../http";
import type { V4Page } from "./paging";

export function v4Page(req: Request): V4Page {
  return {
    page: qint(req, "page", { min: 1, def: 1 }) ?? 1,
    page_size: qint(req, "page_size", { min: 1, max: 1000, def: 100 }) ?? 100,
  };
}
