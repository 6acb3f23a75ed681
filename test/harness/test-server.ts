import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { loadConfig, SelvedgeConfig } from "../../src/config/config";
import { QueryCounter } from "../../src/db/database-options";
import { startSelvedge, SelvedgeApp, type StartOptions } from "../../src/server/bootstrap";
import { createTestDatabase, suiteDatabaseKind } from "./databases";
import { GraphQLClient } from "./graphql-client";

export interface TestServer {
  app: SelvedgeApp;
  url: string;
  /** Client with the bootstrap ADMIN token of brand A. */
  admin: GraphQLClient;
  /** Anonymous client. */
  anonymous: GraphQLClient;
  queryCounter: QueryCounter;
  brandId: number;
  /** A client for a new user of the given role in brand A (or another brand by slug). */
  clientFor(role: "ADMIN" | "EDITOR" | "VIEWER", brandSlug?: string): Promise<GraphQLClient>;
  /** Creates another brand with an ADMIN token; returns its client. */
  otherBrand(modules?: string[]): Promise<GraphQLClient>;
  stop(): Promise<void>;
}

/**
 * The configuration of a server in a test: a random port on 127.0.0.1, quiet logs (TEST_LOG_LEVEL to see them),
 * no Redis, then the test's options. Tests that start servers of their own use this instead of building one.
 */
export function testConfig(options: Partial<SelvedgeConfig> = {}): SelvedgeConfig {
  return loadConfig({ ...process.env, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent" }, { port: 0, host: "127.0.0.1", redisUrl: undefined, ...options });
}

/** Boots the real server on a random port with a throw-away database (SQLite, or MySQL when TEST_DB=mysql). */
export async function startTestServer(
  overrides: Partial<SelvedgeConfig> = {},
  /** Strategies and a logger passed to startSelvedge (e.g. `queue: new InMemoryQueue()`). */
  start: Pick<StartOptions, "queue" | "pubSub" | "logger" | "media"> = {},
): Promise<TestServer> {
  const db = await createTestDatabase(suiteDatabaseKind());
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), "selvedge-media-"));
  const bootstrapToken = `slv_test_${randomBytes(16).toString("hex")}`;
  const config = testConfig({ databaseUrl: db.url, bootstrapToken, mediaDir, ...overrides });
  const queryCounter = new QueryCounter();
  const app = await startSelvedge({ ...start, config, queryCounter });
  const url = app.url!;
  const admin = new GraphQLClient(url, bootstrapToken);
  const brand = await app.services.identity.brandBySlug(config.bootstrapBrand.slug);
  let counter = 0;

  const clientFor = async (role: "ADMIN" | "EDITOR" | "VIEWER", brandSlug = config.bootstrapBrand.slug) => {
    const b = await app.services.identity.brandBySlug(brandSlug);
    const user = await app.services.identity.createUser(app.services.identity.scopeFor(b.id), {
      name: `${role} ${++counter}`,
      email: `${role.toLowerCase()}${counter}@${b.slug}.test`,
      role,
    });
    const { token } = await app.services.identity.createToken(app.services.identity.scopeFor(b.id), user.id, "test");
    return new GraphQLClient(url, token);
  };

  return {
    app,
    url,
    admin,
    queryCounter,
    brandId: brand.id,
    anonymous: new GraphQLClient(url, null),
    clientFor,
    otherBrand: async (modules = ["inventory"]) => {
      const slug = `other-${randomBytes(3).toString("hex")}`;
      await app.services.identity.createBrand(`Other ${slug}`, slug, modules);
      return clientFor("ADMIN", slug);
    },
    stop: async () => {
      await app.stop();
      await db.drop();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
