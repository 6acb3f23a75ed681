import http from "node:http";
import { GraphQLError, GraphQLFormattedError, GraphQLSchema } from "graphql";
import { WebSocket, WebSocketServer } from "ws";
import { useServer } from "graphql-ws/use/ws";
import type { Logger } from "pino";
import { parseBearer } from "../auth/authenticate";
import { Principal } from "../auth/principal";
import { AccessChange, AccessChanges } from "../auth/revocations";
import { unauthenticated } from "../api/errors";
import { checkOperation, OperationLimits } from "../api/operation-guard";
import { ContextFactory } from "./context-factory";
import { JitCompiler } from "./jit-compiler";

/** graphql-ws close code for a connection whose token is no longer valid (revoked, user deactivated). */
export const CLOSE_FORBIDDEN = 4403;

interface Connection {
  socket: WebSocket;
  token: string;
  principal: Principal;
  checkedAt: number;
}

export interface GraphqlWsParts {
  httpServer: http.Server;
  schema: GraphQLSchema;
  contexts: ContextFactory;
  limits: OperationLimits;
  /** graphql-jit for queries and mutations over the socket (the same compiled code as over HTTP). */
  jit?: JitCompiler;
  /** Longest time an operation may rely on an earlier token check; also the period of the sweep. */
  recheckMs: number;
  accessChanges: AccessChanges;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  logger: Logger;
}

/**
 * graphql-ws on /graphql. The token is checked at connection_init, again before every operation once the
 * last check is older than recheckMs, at once when this process revokes a token or deactivates a user, and
 * for every open connection every recheckMs (revocations by another process or the CLI). A connection whose
 * token is no longer valid is closed with 4403, which ends its live subscriptions. Every operation passes
 * the same limits as over HTTP (size, tokens, aliases, depth, cost, introspection), and errors are formatted
 * (internals masked) the same way.
 */
export function startGraphqlWs(parts: GraphqlWsParts): { dispose(): Promise<void> } {
  const { schema, contexts, limits, jit, recheckMs, formatError, logger } = parts;
  const wsServer = new WebSocketServer({ server: parts.httpServer, path: "/graphql" });
  const open = new Set<Connection>();

  const revoke = (c: Connection) => {
    open.delete(c);
    c.socket.close(CLOSE_FORBIDDEN, "Forbidden");
  };
  const recheck = async (connections: Connection[]) => {
    if (!connections.length) return;
    const results = await contexts.authenticator.authenticateMany([...new Set(connections.map((c) => c.token))]);
    const now = Date.now();
    for (const c of connections) {
      const principal = results.get(c.token);
      if (!principal) revoke(c);
      else Object.assign(c, { principal, checkedAt: now });
    }
  };
  const recheckLogged = (connections: Connection[]) => recheck(connections).catch((err) => logger.error({ err }, "re-checking graphql-ws tokens failed"));

  const cleanup = useServer<{ authorization?: string }, { connection?: Connection }>(
    {
      schema,
      ...(jit ? { execute: jit.wsExecute() } : {}),
      onConnect: async (ctx) => {
        const authorization = String(ctx.connectionParams?.authorization ?? "");
        const principal = await contexts.authenticator.authenticate(authorization);
        if (!principal) return false;
        const connection: Connection = { socket: ctx.extra.socket, token: parseBearer(authorization)!, principal, checkedAt: Date.now() };
        ctx.extra.connection = connection;
        open.add(connection);
        ctx.extra.socket.once("close", () => open.delete(connection));
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const connection = ctx.extra.connection;
        if (connection && Date.now() - connection.checkedAt >= recheckMs) await recheck([connection]);
        if (!connection || !open.has(connection)) return [unauthenticated("The token of this connection is no longer valid")];
        const checked = checkOperation(schema, payload, limits);
        if (Array.isArray(checked)) return checked as GraphQLError[];
        return {
          schema,
          document: (checked as { document: import("graphql").DocumentNode }).document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: contexts.forPrincipal(connection.principal),
        };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
      onNext: (_ctx, _id, _payload, _args, result) => {
        const errors = (result as { errors?: readonly GraphQLError[] }).errors;
        if (!errors?.length) return result;
        return { ...result, errors: errors.map((e) => (e instanceof GraphQLError ? formatError(e.toJSON(), e) : formatError(e as GraphQLFormattedError, e))) };
      },
    },
    wsServer,
  );

  const unsubscribe = parts.accessChanges.subscribe((change: AccessChange) => {
    const affected = [...open].filter((c) => c.principal.tokenId === change.tokenId || c.principal.userId === change.userId);
    void recheckLogged(affected);
  });
  const sweep = setInterval(() => void recheckLogged([...open]), Math.max(recheckMs, 250));
  sweep.unref();

  let disposed: Promise<void> | null = null;
  return {
    dispose: () =>
      (disposed ??= (async () => {
        clearInterval(sweep);
        unsubscribe();
        await cleanup.dispose();
        await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      })()),
  };
}
