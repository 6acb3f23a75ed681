import { startTestServer, TestServer } from "../harness/test-server";
import { createProduct, png, storedState, uploadRequest } from "../api/images-fixtures";

const LIMIT = 30_000;

/** A valid PNG padded after its end to exactly `size` bytes (decoders ignore trailing bytes). */
async function pngOfSize(size: number): Promise<Buffer> {
  const image = await png(16, 16);
  return Buffer.concat([image, Buffer.alloc(size - image.length, 0)]);
}

describe("an upload larger than the limit is refused as too large, with nothing stored", () => {
  let s: TestServer;
  let productId: string;
  beforeAll(async () => {
    s = await startTestServer({ maxImageBytes: LIMIT });
    productId = String((await createProduct(s, "UP1")).id);
  });
  afterAll(async () => s.stop());

  it.each([
    ["one byte over the limit", LIMIT + 1],
    ["far over the limit", LIMIT * 4],
  ])("%s", async (_label, size) => {
    const before = await storedState(s);
    const res = await uploadRequest(s, s.admin.token, { p: productId, pos: 1 }, { data: await pngOfSize(size), name: "big.png", type: "image/png" });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "file" });
    expect(res.errors?.[0]?.message).toMatch(/larger than the limit of 30000 bytes/);
    expect(await storedState(s)).toEqual(before);
  });

  it("a file of exactly the limit is accepted whole", async () => {
    const res = await uploadRequest(s, s.admin.token, { p: productId, pos: 1 }, { data: await pngOfSize(LIMIT), name: "ok.png", type: "image/png" });
    expect(res.errors).toBeUndefined();
    expect(res.data.attachProductImage.byteSize).toBe(LIMIT);
  });
});
