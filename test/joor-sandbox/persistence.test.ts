import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, http, priceAll, pushConnections, pushStyle, start } from "./helpers";

describe("JOOR sandbox: persistence to a JSON file and reset", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "joor-sandbox-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("saves on close and restores everything (indexes, export state, tokens) on restart", async () => {
    const statePath = join(dir, "state.json");
    const first = await start({ statePath, persistDebounceMs: 10_000 });
    const style = await pushStyle(first.c, "PERSIST", [["Red", "RED"]], ["S", "M"]);
    await priceAll(
      first.c,
      style.skus.map((s) => s.id),
    );
    await pushConnections(first.c, ["P1"]);
    const o1 = (await first.c.admin("POST", "/orders", { customer_code: "P1", lines: [{ upc: style.skus[0].upc, quantity: 2 }] })).body.data[0];
    const o2 = (await first.c.admin("POST", "/orders", { customer_code: "P1", lines: [{ upc: style.skus[1].upc, quantity: 1 }] })).body.data[0];
    expect((await first.c.v2("GET", "/order?order_type=6&sync=1&count=1")).body.orders[0].order_id).toBe(o1.order_id);
    await first.c.v2("POST", "/bulk-inventory", { inventory_items: { inventory_item: [{ upc: style.skus[0].upc, inventory: 9 }] } });
    const season = (await first.c.v4("POST", "/seasons/bulk_create", [{ name: "SPRING 2022", year: 2022, external_id: "SP22" }])).body.data[0];
    await first.c.v4("POST", "/collections/bulk_create", [
      { name: "SP22 D1", external_id: "SP22-D1", season_id: season.id, items: [{ product_id: style.productId }] },
    ]);
    // A bulk job still queued at shutdown is processed after the restart.
    await first.c.admin("PUT", "/settings", { bulk_job_delay_seconds: 60 });
    const queued = (await first.c.v2("POST", "/bulk-connection", { bulk_connections: { connection: [{ customer_code: "PQ1", customer_name: "Queued" }] } }))
      .body.job_id;
    const token = first.c.token;
    await first.sb.close();
    expect(existsSync(statePath)).toBe(true);
    expect(JSON.parse(readFileSync(statePath, "utf8"))).toMatchObject({ format: "joor-sandbox-state", version: 2 });

    const second = await start({ statePath });
    try {
      const c2 = new Client(second.sb);
      c2.token = token; // tokens survive a restart
      expect((await c2.v4("GET", `/skus?upcs=${style.skus[1].upc}`)).body.data[0].id).toBe(style.skus[1].id);
      expect((await c2.v2("GET", "/connection/customer_code/P1")).status).toBe(200);
      // o1 stays exported; o2 is the only one sync=1 returns.
      const next = await c2.v2("GET", "/order?order_type=6&sync=1");
      expect(next.body.orders.map((o: any) => o.order_id)).toEqual([o2.order_id]);
      expect((await c2.admin("GET", `/inventory?upc=${style.skus[0].upc}`)).body.items[0].inventory).toBe(9);
      expect((await c2.v2("GET", `/bulk-connection/${queued}`)).body.job.status).toBe("QUEUED");
      await c2.admin("POST", "/clock/advance", { seconds: 61 });
      expect((await c2.v2("GET", `/bulk-connection/${queued}`)).body.job).toMatchObject({
        status: "COMPLETED",
        results: [{ customer_code: "PQ1", action: "created" }],
      });
      // Seasons and collections (with their external_id indexes) come back.
      expect((await c2.v4("GET", "/collections")).body.data[0]).toMatchObject({
        external_id: "SP22-D1",
        season: { id: season.id, external_id: "SP22" },
        items: [{ product_id: style.productId }],
      });
      expect((await c2.v4("POST", "/collections/bulk_create", [{ name: "again", external_id: "SP22-D1" }])).body.errors[0].status).toBe("DUPLICATED");
      // New ids continue after the persisted counters.
      const more = await c2.v4("POST", "/products/bulk_create", [{ name: "after restart" }]);
      expect(Number(more.body.data[0].id)).toBeGreaterThan(Number(style.productId));
    } finally {
      await second.sb.close();
    }
  });

  it("saves on demand and after changes (debounced)", async () => {
    const statePath = join(dir, "debounced.json");
    const s = await start({ statePath, persistDebounceMs: 50 });
    try {
      await s.c.v4("POST", "/categories/bulk_create", [{ name: "Saved later" }]);
      await new Promise((r) => setTimeout(r, 300));
      const snap = JSON.parse(readFileSync(statePath, "utf8"));
      expect(snap.accounts[0].categories.map((x: any) => x.name)).toContain("Saved later");
      await s.c.v4("POST", "/categories/bulk_create", [{ name: "Saved now" }]);
      expect((await s.c.admin("POST", "/state/save")).status).toBe(200);
      expect(readFileSync(statePath, "utf8")).toContain("Saved now");
    } finally {
      await s.sb.close();
    }
    const mem = await start();
    try {
      expect((await mem.c.admin("POST", "/state/save")).status).toBe(409);
    } finally {
      await mem.sb.close();
    }
  });

  it("refuses a file that is not a sandbox state", async () => {
    const statePath = join(dir, "junk.json");
    writeFileSync(statePath, JSON.stringify({ hello: "world" }));
    await expect(start({ statePath })).rejects.toThrow("not a JOOR sandbox state file");
  });

  it("resets to the seed (or a new seed) through the admin API", async () => {
    const s = await start();
    try {
      await pushConnections(s.c, ["GONE"]);
      await s.c.admin("POST", "/faults", { type: "latency", latency_ms: 1, count: null });
      expect((await s.c.admin("POST", "/reset")).status).toBe(200);
      expect((await s.c.admin("GET", "/connections")).body.total).toBe(0);
      expect((await s.c.admin("GET", "/faults")).body.items).toEqual([]);
      const seed = {
        accounts: [
          {
            id: "777",
            credentials: { client_id: "c", client_secret: "s", username: "u", password: "p", v2_token: "t" },
            price_types: [{ name: "CHF-1", currency_code: "CHF" }],
          },
        ],
      };
      expect((await s.c.admin("POST", "/reset", { seed })).body.default_account).toBe("777");
      expect(s.sb.accountId).toBe("777");
      const c2 = await new Client(s.sb).login();
      expect((await c2.v4("GET", "/price_types")).body.data.map((t: any) => t.name)).toEqual(["CHF-1"]);
      const badSeed = await http(`${s.sb.urls.admin}/reset`, { body: { seed: { accounts: [] } } });
      expect(badSeed.status).toBe(400);
      expect(badSeed.body.error).toBe("INVALID_SEED");
      expect(s.sb.accountId).toBe("777"); // untouched
    } finally {
      await s.sb.close();
    }
  });
});
