import http from "node:http";
import { AddressInfo } from "node:net";
import express from "express";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { GraphQLSchema } from "graphql";
import { WebSocketServer } from "ws";
import { useServer } from "graphql-ws/use/ws";
import { graphqlUploadExpress } from "graphql-upload-minimal";
import type { Logger } from "pino";
import { RequestContext } from "../api/context";
import { costLimitPlugin, depthRule } from "../api/query-limits";
import { SelvedgeConfig } from "../config/config";
import { MediaStorage } from "../media/media-storage";
import { ContextFactory } from "./context-factory";
import { makeErrorFormatter } from "./error-formatting";
import { createJitGateway } from "./jit-gateway";
import { serveDashboard } from "../dashboard/serve-dashboard";

export interface HttpServerParts {
  config: SelvedgeConfig;
  schema: GraphQLSchema;
  contexts: ContextFactory;
  media: MediaStorage;
  logger: Logger;
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
  const httpServer = http.createServer(app);

  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql" });
  const wsCleanup = useServer<{ authorization?: string }, { selvedge?: RequestContext }>(
    {
      schema,
      onConnect: async (ctx) => {
        const context = await contexts.create(String(ctx.connectionParams?.authorization ?? ""));
        if (!context.principal) return false;
        ctx.extra.selvedge = context;
        return true;
      },
      context: async (ctx) => {
        const base = ctx.extra.selvedge!;
        return { ...base, loaders: (await contexts.create(null)).loaders };
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<RequestContext>({
    ...(config.graphqlJit ? { gateway: createJitGateway(schema) } : { schema }),
    validationRules: [depthRule(config.maxQueryDepth)],
    formatError: makeErrorFormatter(logger),
    introspection: true,
    // main.ts owns SIGINT/SIGTERM (it stops the worker first so running jobs are handed back); Apollo's own
    // handler would re-raise the signal and kill the process mid-shutdown.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      costLimitPlugin(schema, config.maxQueryCost),
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
    const file = await media.get(key);
    if (!file) {
      res.status(404).json({ error: "not found" });
      return;
    }
    res.setHeader("content-type", file.contentType);
    res.setHeader("content-length", String(file.size));
    res.setHeader("cache-control", "public, max-age=31536000, immutable");
    file.stream.pipe(res);
  });
  app.use(
    "/graphql",
    express.json({ limit: "5mb" }),
    graphqlUploadExpress({ maxFileSize: config.maxImageBytes, maxFiles: 1 }),
    expressMiddleware(apollo, { context: async ({ req }) => contexts.create(req.headers.authorization) }),
  );

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
      wsServer.close();
    },
  };
}
