import { startJoorEnv, type JoorEnv } from "./harness";
import { adminItems, attachImage, product } from "./part2-fixtures";
import { joorProduct } from "./joor-side";

/** export-images against the sandbox, which downloads Selvedge's export URL for real (loopback allowed for tests). */
describe("JOOR export-images", () => {
  let env: JoorEnv;
  const joorIds: Record<string, string> = {};
  const make = async (style: string) => {
    const p = await product(env.server, style, ["S"]);
    joorIds[style] = (await joorProduct(env.sandbox, style, "BLK", [["S", p.variants[0].barcode!]])).productId;
    return p.product.id;
  };
  const assets = (style: string) => adminItems(env.sandbox, `/images?product_id=${joorIds[style]}`);

  let first: any;
  beforeAll(async () => {
    env = await startJoorEnv({ sandbox: { permissiveAssets: true } });
    const big = await make("BIG");
    await attachImage(env.server, big, 1, 2400, 2000);
    await attachImage(env.server, big, 2, 1000, 1000, { r: 0, g: 200, b: 0 });
    const small = await make("SMALL");
    await attachImage(env.server, small, 1, 400, 500);
    const none = await make("NOIMG");
    await attachImage(env.server, none, 2, 900, 1200);
    expect((await env.run("reconcile")).state).toBe("SUCCEEDED");
    first = await env.run("export-images");
  });
  afterAll(() => env.stop());

  it("only Image 1 sent, at the 660 × 900 ratio and within 1320 × 1800", async () => {
    expect(first.state).toBe("SUCCEEDED");
    const list = await assets("BIG");
    expect(list).toHaveLength(1);
    const [a] = list;
    expect(a).toMatchObject({ type: "image", content_type: "image/jpeg" });
    expect(a.width / a.height).toBeCloseTo(660 / 900, 6);
    expect(a.width).toBeLessThanOrEqual(1320);
    expect(a.height).toBeLessThanOrEqual(1800);
    expect(a.source_url).toMatch(new RegExp(`^${env.server.url}/media/export/660x900/brand-\\d+/product-\\d+/[0-9a-f]{64}\\.jpg$`));
    expect(a.size_bytes).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  it("small image warned (and still sent at 660 × 900)", async () => {
    const [a] = await assets("SMALL");
    expect([a.width, a.height]).toEqual([660, 900]);
    const warned = (await env.issues(first.id)).filter((i) => i.code === "IMAGE_TOO_SMALL");
    expect(warned.map((i) => i.key)).toEqual(["SMALL/BLK"]);
    expect(warned[0].message).toMatch(/400×500/);
  });

  it("a product without Image 1 is counted, not an error", async () => {
    expect(await assets("NOIMG")).toEqual([]);
    expect(first.summary).toMatchObject({ withoutImage1: 1, sent: 2 });
    expect((await env.issues(first.id)).filter((i) => i.key === "NOIMG/BLK")).toEqual([]);
  });

  it("an image is re-sent only when its content changed, replacing the one on JOOR", async () => {
    const writes = env.sandboxWrites();
    const again = await env.run("export-images");
    expect(again.summary).toMatchObject({ sent: 0, unchanged: 2 });
    expect(env.sandboxWrites()).toBe(writes);
    const big = (await env.server.app.ds.query(`SELECT id FROM product WHERE styleNumber = 'BIG'`))[0].id;
    await attachImage(env.server, big, 1, 1320, 1800, { r: 10, g: 10, b: 200 });
    const changed = await env.run("export-images");
    expect(changed.summary).toMatchObject({ sent: 1, unchanged: 1 });
    const list = await assets("BIG");
    expect(list).toHaveLength(1);
    expect([list[0].width, list[0].height]).toEqual([1320, 1800]);
  });
});
