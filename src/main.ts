import "reflect-metadata";
import { loadConfig } from "./config/config";
import { resolveSecretKey } from "./config/secret-key";
import { startSelvedge } from "./server/bootstrap";
import { applyHeapGrowth } from "./server/heap-growth";

/** `npm start` (API + worker), `npm run worker` (worker only). */
async function main(): Promise<void> {
  applyHeapGrowth(); // keeps a long export's heap near its live size (src/server/heap-growth.ts)
  const config = loadConfig();
  const secret = resolveSecretKey(process.env, config.databaseUrl);
  config.secretKey = secret.key;
  if (secret.source === "generated") {
    process.stdout.write(`  Generated the key that encrypts connector secrets: ${secret.file} (back it up with the database; or set SELVEDGE_SECRET_KEY)\n`);
  }
  const app = await startSelvedge({ config });
  if (app.firstStart) {
    const { brandSlug, adminEmail, token } = app.firstStart;
    process.stdout.write(
      [
        "",
        "  First start: created brand '" + brandSlug + "' and admin user " + adminEmail + ".",
        "  Admin token (shown once, store it now):",
        "",
        "    " + token,
        "",
      ].join("\n") + "\n",
    );
  }
  if (app.url) {
    app.logger.info(
      { url: `${app.url}/graphql`, dashboard: `${app.url}/dashboard`, database: config.databaseUrl.replace(/\/\/[^@]*@/, "//***@") },
      "Selvedge API ready",
    );
  }
  const shutdown = async (signal: string) => {
    app.logger.info({ signal }, "shutting down");
    await app.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => {
  process.stderr.write(`Selvedge failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
