import type { NextFunction, Request, RequestHandler, Response } from "express";
import { GraphQLError } from "graphql";
import { unauthenticated } from "../api/errors";
import { checkAliases, checkDocumentSize, OperationLimits, parseLimited } from "../api/operation-guard";
import { ContextFactory } from "./context-factory";

/** Answers a request with one GraphQL error, in the GraphQL-over-HTTP shape, with its HTTP status. */
function refuse(res: Response, error: GraphQLError): void {
  const { http, ...extensions } = (error.extensions ?? {}) as { http?: { status?: number } } & Record<string, unknown>;
  res.status(http?.status ?? 400).json({ errors: [{ message: error.message, extensions }] });
}

/**
 * Every GraphQL operation needs a token, so the token is checked from the headers alone, before the body is
 * parsed, an upload is read or anything is executed: an anonymous request costs one hash and one lookup.
 */
export function authenticateFirst(contexts: ContextFactory): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const principal = await contexts.authenticator.authenticate(req.headers.authorization);
      if (!principal) return refuse(res, unauthenticated());
      res.locals.principal = principal;
      next();
    } catch (error) {
      next(error);
    }
  };
}

const ACCEPTED_KEPT = 200;

/**
 * Document size and alias count, checked before Apollo validates (validation is quadratic in aliases). The
 * last documents that passed are remembered (bounded, oldest dropped first), so a client repeating its
 * operation is not parsed a second time here on every request (Apollo keeps its own parsed copy).
 */
export function documentLimits(limits: OperationLimits): RequestHandler {
  const accepted = new Set<string>();
  return (req: Request, res: Response, next: NextFunction) => {
    const params = req.method === "GET" ? req.query : req.body;
    const query = params && typeof params === "object" && !Array.isArray(params) ? (params as { query?: unknown }).query : undefined;
    const size = checkDocumentSize(query, limits);
    if (size) return refuse(res, size);
    if (typeof query === "string" && !accepted.has(query)) {
      const document = parseLimited(query, limits);
      // A syntax error is left to Apollo, which reports it as GRAPHQL_PARSE_FAILED.
      if (!(document instanceof GraphQLError)) {
        const aliases = checkAliases(document, limits);
        if (aliases) return refuse(res, aliases);
        if (accepted.size >= ACCEPTED_KEPT) accepted.delete(accepted.values().next().value!);
        accepted.add(query);
      }
    }
    next();
  };
}
