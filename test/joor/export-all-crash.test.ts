import { SystemData } from "../../src/db/system-data";
import { startJoorSandbox, type JoorSandbox } from "../../plugins/joor/sandbox";
import { openDatabase } from "../../src/db/data-source";
import { PluginRegistry } from "../../src/plugin/plugin-registry";
import { LocalDiskStorage } from "../../src/media/local-disk-storage";
import { ImageService } from "../../src/modules/images/images.service";
import { seedJoorCatalogue } from "../../bench/lib/joor-catalogue";
import { GraphQLClient } from "../harness/graphql-client";
import type { TestDatabase } from "../harness/databases";
import { bootstrapToken, sharedDatabase, spawnSelvedge, type SelvedgeProcess } from "../jobs/processes";
import { adminItems, sandboxSettings, setJoorSettings, waitJoorJob } from "./part2-fixtures";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const PRODUCTS = 80;
const SIZES = 8;
const CUSTOMERS = 60;
const IMAGES = 10;

/**
 * kill -9 the worker in the middle of export-all and restart: the job finishes, and the sandbox holds no
 * duplicate customer, product, SKU, price or asset.
 */
describe("export-all survives kill -9", () => {
  let db: TestDatabase;
  let sandbox: JoorSandbox;
  const procs: SelvedgeProcess[] = [];
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), "selvedge-crash-media-"));
  afterAll(async () => {
    for (const p of procs) await p.kill("SIGKILL");
    await sandbox?.close();
    await db?.drop();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  async function start(token: string) {
    const proc = await spawnSelvedge({
      DATABASE_URL: db.url,
      SELVEDGE_BOOTSTRAP_TOKEN: token,
      SELVEDGE_MEDIA_DIR: mediaDir,
      SELVEDGE_JOB_POLL_MS: "50",
      SELVEDGE_JOB_HEARTBEAT_MS: "100",
      SELVEDGE_JOB_STALE_AFTER_MS: "1500",
    });
    procs.push(proc);
    return { proc, client: new GraphQLClient(proc.url!, token) };
  }

  it("kill -9 in the middle of export-all, restart: it finishes, no duplicate customer, product, SKU, price or asset", async () => {
    db = await sharedDatabase();
    sandbox = await startJoorSandbox({ port: 0, rateLimit: { enabled: false }, permissiveAssets: true });
    const token = bootstrapToken();
    const first = await start(token);
    // the catalogue, straight into the shared database
    const ds = await openDatabase({ databaseUrl: db.url, entities: PluginRegistry.load([]).entities(), migrations: [] });
    const [{ id: brandId }] = await ds.query(`SELECT id FROM brand ORDER BY id LIMIT 1`);
    await ds.query(`UPDATE brand SET modules = ? WHERE id = ?`, [JSON.stringify(["inventory", "joor"]), brandId]);
    const seeded = await seedJoorCatalogue(ds, Number(brandId), {
      products: PRODUCTS,
      customers: CUSTOMERS,
      images: IMAGES,
      imagesService: new ImageService(new SystemData(ds), new LocalDiskStorage(mediaDir), 20_000_000),
    });
    await ds.destroy();
    await first.client.ok(`mutation { enableConnector(name: "joor") { enabled } }`);
    await setJoorSettings(first.client, {
      ...sandboxSettings(sandbox),
      priceTypes: [
        { currency: "EUR", priceType: "EUR-1" },
        { currency: "USD", priceType: "USD-1" },
      ],
      priceSeasons: seeded.seasonIds,
      atsSeasons: seeded.seasonIds,
      includeFutureAts: true,
      batchSize: 40,
      creditBudget: 100_000,
    });
    sandbox.faults.add({ type: "latency", latency_ms: 40, count: null } as never);

    const { startSync } = await first.client.ok(`mutation { startSync(input: { connector: "joor", operation: "export-all" }) { ... on Job { id } } }`);
    const atKill = await waitJoorJob(first.client, startSync.id, 60_000, (j) =>
      j.state !== "RUNNING" && j.state !== "QUEUED" ? true : /^(products|prices)/.test(j.phase ?? "") && j.processed > CUSTOMERS + 20,
    );
    await first.proc.kill("SIGKILL");
    expect(atKill.state).toBe("RUNNING"); // killed in the middle, not after the end
    sandbox.faults.clear();

    const second = await start(token);
    const done = await waitJoorJob(second.client, startSync.id, 120_000);
    expect(done.state).toBe("SUCCEEDED");
    expect(done.progress).toBe(1);
    expect(done.attempts).toBe(2); // taken up again by the new process

    const unique = (xs: string[]) => new Set(xs).size;
    const connections = await adminItems(sandbox, "/connections");
    expect(connections).toHaveLength(CUSTOMERS);
    expect(unique(connections.map((c) => c.customer_code))).toBe(CUSTOMERS);
    const products = await adminItems(sandbox, "/products");
    expect(products).toHaveLength(PRODUCTS);
    const skus = await adminItems(sandbox, "/skus");
    expect(skus).toHaveLength(PRODUCTS * SIZES);
    expect(unique(skus.map((s) => s.upc))).toBe(PRODUCTS * SIZES);
    const prices = await adminItems(sandbox, "/prices");
    expect(prices).toHaveLength(PRODUCTS * SIZES * 2);
    expect(unique(prices.map((p) => `${p.sku_id}|${p.price_type.id}`))).toBe(PRODUCTS * SIZES * 2);
    const assets = await adminItems(sandbox, "/images");
    expect(assets).toHaveLength(IMAGES);
    expect(unique(assets.map((a) => a.product.id))).toBe(IMAGES);
  });
});
