import { DataSource, IsNull } from "typeorm";
import { ApiToken } from "../entities/api-token.entity";
import { User } from "../entities/user.entity";
import { selectRows } from "../db/hot-rows";
import { hashToken } from "./token-hash";
import { Principal } from "./principal";

const LAST_USED_WRITE_INTERVAL_MS = 60_000;
const TOKEN_SQL =
  "SELECT t.id, t.brandId, u.id, u.role, u.active FROM api_token t INNER JOIN user u ON u.id = t.userId WHERE t.tokenHash = ? AND t.revokedAt IS NULL";

/**
 * Resolves `Bearer <token>` to a principal, or null when the token is missing, unknown, revoked or its
 * user is inactive. lastUsedAt is refreshed at most once a minute per token, off the request path.
 */
export class Authenticator {
  private lastUsedWrites = new Map<number, number>();

  constructor(private readonly ds: DataSource) {}

  async authenticate(authorization: string | undefined | null): Promise<Principal | null> {
    const token = parseBearer(authorization);
    if (!token) return null;
    // A plain prepared statement (hot path: every request); the same statement as before, without the query builder.
    const [row] = await selectRows(this.ds, TOKEN_SQL, [hashToken(token)]);
    if (!row || !Number(row[4])) return null;
    const tokenId = Number(row[0]);
    this.touch(tokenId);
    return { tokenId, brandId: Number(row[1]), userId: Number(row[2]), role: row[3] as Principal["role"] };
  }

  /** Many tokens in one query (the periodic re-check of open graphql-ws connections). */
  async authenticateMany(tokens: readonly string[]): Promise<Map<string, Principal | null>> {
    const out = new Map<string, Principal | null>(tokens.map((t) => [t, null]));
    const byHash = new Map(tokens.map((t) => [hashToken(t), t]));
    const hashes = [...byHash.keys()];
    for (let i = 0; i < hashes.length; i += 500) {
      const rows = await this.ds
        .getRepository(ApiToken)
        .createQueryBuilder("t")
        .innerJoin(User, "u", "u.id = t.userId")
        .select(["t.tokenHash AS tokenHash", "t.id AS tokenId", "t.brandId AS brandId", "u.id AS userId", "u.role AS role", "u.active AS active"])
        .where("t.tokenHash IN (:...hashes)", { hashes: hashes.slice(i, i + 500) })
        .andWhere("t.revokedAt IS NULL")
        .getRawMany<{ tokenHash: string; tokenId: number; brandId: number; userId: number; role: Principal["role"]; active: number | boolean }>();
      for (const row of rows) {
        if (!Number(row.active)) continue;
        out.set(byHash.get(row.tokenHash)!, { tokenId: Number(row.tokenId), brandId: Number(row.brandId), userId: Number(row.userId), role: row.role });
      }
    }
    return out;
  }

  private touch(tokenId: number): void {
    const now = Date.now();
    if (now - (this.lastUsedWrites.get(tokenId) ?? 0) < LAST_USED_WRITE_INTERVAL_MS) return;
    this.lastUsedWrites.set(tokenId, now);
    void this.ds
      .getRepository(ApiToken)
      .update({ id: tokenId, revokedAt: IsNull() }, { lastUsedAt: new Date() })
      .catch(() => undefined);
  }
}

export function parseBearer(header: string | undefined | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}
