import http from "node:http";
import { AddressInfo } from "node:net";
import { pipeline } from "node:stream/promises";
import express from "express";
import cors from "cors";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { GraphQLSchema } from "graphql";
import { graphqlUploadExpress } from "graphql-upload-minimal";
import type { Logger } from "pino";
import { RequestContext } from "../api/context";
import { OperationLimits } from "../api/operation-guard";
import { costLimitPlugin, depthRule } from "../api/query-limits";
import { maxImageUrlLength, stringLimitsPlugin } from "../api/string-limits";
import { AccessChanges } from "../auth/revocations";
import { authenticateFirst, documentLimits } from "./http-guard";
import { startGraphqlWs } from "./graphql-ws-server";
import { SelvedgeConfig } from "../config/config";
import { MediaStorage } from "../media/media-storage";
import { ContextFactory } from "./context-factory";
import { makeErrorFormatter } from "./error-formatting";
import { createJitGateway } from "./jit-gateway";
import { JitCompiler } from "./jit-compiler";
import { serveDashboard } from "../dashboard/serve-dashboard";

export interface HttpServerParts {
  config: SelvedgeConfig;
  schema: GraphQLSchema;
  contexts: ContextFactory;
  media: MediaStorage;
  logger: Logger;
  accessChanges: AccessChanges;
  /** Export renditions of stored images (ImageService.renderStoredForExport). */
  renderExport?: (rule: string, path: string) => Promise<{ data: Buffer; contentType: string } | null>;
}

export interface RunningHttpServer {
  httpServer: http.Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** One HTTP server: GraphQL over HTTP and graphql-ws on /graphql, media files on /media, /health. */
export async function startHttpServer(parts: HttpServerParts, setBaseUrl: (url: string) => void): Promise<RunningHttpServer> {
  const { config, schema, contexts, media, logger, renderExport } = parts;
  const app = express();
  app.disable("x-powered-by");
  // No ETags: express would hash every GraphQL response body (a product page is ~140 KB) for a header no
  // GraphQL client uses; media files set their own cache headers.
  app.set("etag", false);
  const httpServer = http.createServer(app);
  // graphql-jit on both transports (default; SELVEDGE_GRAPHQL_JIT=off uses graphql-js on both).
  const jit = config.graphqlJit ? new JitCompiler(schema) : undefined;

  const limits: OperationLimits = {
    maxQueryBytes: config.maxQueryBytes,
    maxQueryTokens: config.maxQueryTokens,
    maxQueryAliases: config.maxQueryAliases,
    maxQueryDepth: config.maxQueryDepth,
    maxQueryCost: config.maxQueryCost,
    introspection: config.introspection,
    maxImageUrl: maxImageUrlLength(config.maxImageBytes),
  };
  const formatError = makeErrorFormatter(logger);
  const ws = startGraphqlWs({
    httpServer,
    schema,
    contexts,
    limits,
    jit,
    recheckMs: config.authRecheckMs,
    accessChanges: parts.accessChanges,
    formatError,
    logger,
  });

  const apollo = new ApolloServer<RequestContext>({
    // Results are written with JSON.stringify: graphql-jit's compiled serializer (fast-json-stringify) was measured
    // at +6 % CPU per product page (its string concatenation costs more than it saves), so it is not used.
    ...(jit ? { gateway: createJitGateway(schema, jit) } : { schema }),
    // The same rules as graphql-ws (operation-guard.ts); Apollo adds the introspection rule itself when it is off.
    validationRules: [depthRule(config.maxQueryDepth)],
    parseOptions: { maxTokens: config.maxQueryTokens },
    formatError,
    introspection: config.introspection,
    // main.ts owns SIGINT/SIGTERM (it stops the worker first so running jobs are handed back); Apollo's own
    // handler would re-raise the signal and kill the process mid-shutdown.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await ws.dispose();
            },
          };
        },
      },
      costLimitPlugin(schema, config.maxQueryCost),
      stringLimitsPlugin(schema, limits),
      // No HTTP cache hints are used; without this plugin Apollo does not wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  app.get("/health", (_req, res) => {
    res.json({ ok: true });
  });
  serveDashboard(app);
  // Export renditions (e.g. 660×900-ratio JPEGs that a platform fetches by URL); before /media/*key.
  app.get("/media/export/:rule/*key", async (req, res) => {
    const key = ([] as string[]).concat((req.params as { key: string | string[] }).key).join("/");
    res.setHeader("x-content-type-options", "nosniff");
    try {
      const file = renderExport ? await renderExport(String((req.params as { rule: string }).rule), key) : null;
      if (!file) {
        res.status(404).json({ error: "not found" });
        return;
      }
      res.setHeader("content-type", file.contentType);
      res.setHeader("content-length", String(file.data.length));
      res.setHeader("cache-control", "public, max-age=31536000, immutable");
      res.end(file.data);
    } catch (error) {
      logger.error({ err: error, key }, "export rendition failed");
      res.status(500).json({ error: "rendering failed" });
    }
  });
  app.get("/media/*key", async (req, res) => {
    const key = ([] as string[]).concat((req.params as { key: string | string[] }).key).join("/");
    res.setHeader("x-content-type-options", "nosniff");
    const file = await media.get(key);
    if (!file) {
      res.status(404).json({ error: "not found" });
      return;
    }
    res.setHeader("content-type", file.contentType);
    res.setHeader("content-length", String(file.size));
    res.setHeader("cache-control", "public, max-age=31536000, immutable");
    // pipeline() gives both streams an error path: a read error ends this response, never the process.
    try {
      await pipeline(file.stream, res);
    } catch (error) {
      if (!res.headersSent) res.status(500).json({ error: "internal server error" });
      else res.destroy();
      if ((error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") logger.error({ err: error, key }, "media file could not be sent");
    }
  });
  // CORS is off unless origins are configured (SELVEDGE_CORS_ORIGINS): then only those origins get CORS
  // headers, and preflight requests are answered here, before authentication (they carry no token).
  if (config.corsOrigins.length) {
    const origin = config.corsOrigins.includes("*") ? "*" : config.corsOrigins;
    app.use(["/graphql", "/media"], cors({ origin, maxAge: 600, allowedHeaders: ["authorization", "content-type", "apollo-require-preflight"] }));
  }
  app.use(
    "/graphql",
    // Who is calling is known before the body is read: an anonymous request is refused before any parsing,
    // upload or execution (every operation needs a token).
    authenticateFirst(contexts),
    express.json({ limit: "5mb" }),
    graphqlUploadExpress({ maxFileSize: config.maxImageBytes + 1, maxFiles: 1 }),
    documentLimits(limits),
    expressMiddleware(apollo, { context: async ({ res }) => contexts.forPrincipal(res.locals.principal ?? null) }),
  );

  // The last word on any error a route did not answer: log it, answer 500, keep the process alive.
  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = (error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode;
    if (typeof status === "number" && status >= 400 && status < 500) {
      if (!res.headersSent) res.status(status).json({ errors: [{ message: (error as Error).message ?? "Bad request", extensions: { code: "BAD_REQUEST" } }] });
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, "unexpected error in HTTP route");
    if (res.headersSent) res.destroy();
    else res.status(500).json({ error: "internal server error" });
  });

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  const url = config.publicUrl ?? `http://127.0.0.1:${port}`;
  setBaseUrl(url);
  return {
    httpServer,
    port,
    url,
    close: async () => {
      await apollo.stop();
      await ws.dispose();
    },
  };
}
