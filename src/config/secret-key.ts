import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEV_SECRET_KEY } from "./config";

export interface ResolvedSecretKey {
  key: string;
  /** Where the key came from, for the start-up log. */
  source: "env" | "development" | "generated" | "file";
  file?: string;
}

/**
 * The key that encrypts connector secrets. Outside production the development key is used when none is set.
 * In production (NODE_ENV=production, as `npm start` sets by default):
 * - SELVEDGE_SECRET_KEY wins (and must not be the development key);
 * - with the embedded SQLite database (a file), a random key is generated on the first start and kept next to
 *   the database (`secret.key`, mode 0600), so `npm install && npm start` works and every later start — API or
 *   worker on that same file — uses the same key;
 * - otherwise (MySQL/MariaDB, several processes that must share one key) the start is refused.
 */
export function resolveSecretKey(env: NodeJS.ProcessEnv, databaseUrl: string): ResolvedSecretKey {
  const set = env.SELVEDGE_SECRET_KEY;
  const production = env.NODE_ENV === "production";
  if (set) {
    if (production && set === DEV_SECRET_KEY) throw new Error("SELVEDGE_SECRET_KEY is the development key; set a secret of your own in production");
    if (production && set.length < 16) throw new Error("SELVEDGE_SECRET_KEY must be at least 16 characters in production");
    return { key: set, source: "env" };
  }
  if (!production) return { key: DEV_SECRET_KEY, source: "development" };
  const sqliteFile = databaseUrl.startsWith("sqlite:") ? databaseUrl.slice("sqlite:".length) : null;
  if (!sqliteFile || sqliteFile === ":memory:") {
    throw new Error(
      "SELVEDGE_SECRET_KEY is not set and NODE_ENV=production. Set it to a long random secret (for example " +
        "`openssl rand -base64 32`), the same in every API and worker process; it encrypts connector credentials.",
    );
  }
  const file = path.join(path.dirname(path.resolve(sqliteFile)), "secret.key");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": when an API and a worker start together, one writes the key and the other reads it.
    fs.writeFileSync(file, randomBytes(32).toString("base64url") + "\n", { flag: "wx", mode: 0o600 });
    return { key: readKey(file), source: "generated", file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return { key: readKey(file), source: "file", file };
  }
}

function readKey(file: string): string {
  const key = fs.readFileSync(file, "utf8").trim();
  if (key.length < 16) throw new Error(`The secret key file ${file} is empty or too short; restore it from a backup (connector secrets need it)`);
  return key;
}
