import { startJoorEnv, type JoorEnv } from "./harness";
import { scopeFor } from "../harness/scope";

async function admin(env: JoorEnv, path: string): Promise<any> {
  const res = await fetch(`${env.sandbox.urls.admin}${path}`);
  return res.json();
}
const connection = async (env: JoorEnv, code: string) => (await admin(env, `/connections?customer_code=${encodeURIComponent(code)}`)).items[0];

describe("export-customers", () => {
  let env: JoorEnv;
  beforeAll(async () => {
    env = await startJoorEnv();
  });
  afterAll(() => env?.stop());

  const customers = () => env.server.app.services.customers;

  it("inactive customer not sent; customer without account code not sent; counted in the summary", async () => {
    const active = await env.seed.customer();
    const inactive = await env.seed.customer({ status: "INACTIVE" });
    const noCode = await env.seed.customer({ accountCode: null });
    const job = await env.run("export-customers");
    expect(job.state).toBe("SUCCEEDED");
    expect(job.summary).toMatchObject({ sent: 1, skippedInactive: 1, skippedNoCode: 1, failed: 0, unchanged: 0 });
    expect(await connection(env, active.accountCode!)).toBeTruthy();
    expect(await connection(env, inactive.accountCode!)).toBeUndefined();
    expect((await admin(env, "/connections")).total).toBe(1);
    expect(noCode.accountCode).toBeNull();
  });

  it("STORE address never sent; DELIVERY and ACCOUNTS sent as shipping and billing", async () => {
    const c = await env.seed.customer({
      addresses: [
        { type: "DELIVERY", name: "DC", line1: "1 Dock Rd", city: "Leeds", countryCode: "GB" },
        { type: "DELIVERY", name: "DC2", line1: "2 Dock Rd", city: "York", countryCode: "GB" },
        { type: "ACCOUNTS", name: "AP", line1: "9 Bank St", city: "London", countryCode: "GB", postalCode: "EC2 1AA" },
        { type: "STORE", name: "Flagship", line1: "5 Store St", city: "Bath", countryCode: "GB" },
      ],
    });
    const job = await env.run("export-customers");
    expect(job.summary).toMatchObject({ sent: 1, unchanged: 1 });
    const conn = await connection(env, c.accountCode!);
    const text = JSON.stringify(conn);
    expect(text).not.toContain("5 Store St");
    expect(text).not.toContain("Flagship");
    expect(conn.shipping.shipping_addresses.shipping_address.map((a: any) => a.shipping_address_1)).toEqual(["1 Dock Rd", "2 Dock Rd"]);
    expect(conn.billing.billing_addresses.billing_address.map((a: any) => [a.billing_address_1, a.billing_postal_code])).toEqual([["9 Bank St", "EC2 1AA"]]);
  });

  it("a bad address or a customer JOOR would refuse (name over 100 characters) is a named job issue; the rest goes through", async () => {
    const bad = await env.seed.customer({ addresses: [{ type: "DELIVERY", line1: "1 Main St", city: "Austin", countryCode: "US" }] });
    const long = await env.seed.customer({ name: "Very long name ".repeat(8) });
    const ok = await env.seed.customer({ accountCode: "  PADDED01  " });
    const job = await env.run("export-customers");
    expect(job.state).toBe("SUCCEEDED");
    expect(job.summary).toMatchObject({ sent: 1, failed: 2 });
    const issues = await env.issues(job.id);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entity: "customer", key: bad.accountCode, code: "ADDRESS_INCOMPLETE", message: expect.stringContaining("region") }),
        expect.objectContaining({ entity: "customer", key: long.accountCode, code: "NAME_TOO_LONG" }),
      ]),
    );
    expect(await connection(env, "PADDED01")).toBeTruthy();
    expect(await connection(env, bad.accountCode!)).toBeUndefined();
    expect(ok.accountCode).toBe("PADDED01");
  });

  it("incremental: after changing one customer only that one is sent (one bulk job of one item); full sends all", async () => {
    const quiet = await env.run("export-customers");
    expect(quiet.summary).toMatchObject({ sent: 0 });
    const jobsBefore = (await admin(env, "/jobs")).total;
    const list = (await env.server.app.ds.getRepository("customer").find({ where: { brandId: env.brandId, status: "ACTIVE" }, order: { id: "ASC" } })) as any[];
    await customers().update(scopeFor(env.server.app, env.brandId), { id: String(list[0].id), name: "Renamed Ltd" } as never, list[0].id);
    const writes = env.sandboxWrites();
    const job = await env.run("export-customers");
    expect(job.summary).toMatchObject({ sent: 1 });
    expect(env.sandboxWrites() - writes).toBe(1);
    const jobs = (await admin(env, `/jobs?offset=${jobsBefore}`)).items;
    expect(jobs.map((j: any) => j.item_count)).toEqual([1]);
    expect((await connection(env, list[0].accountCode.trim())).customer_name).toBe("Renamed Ltd");
    const full = await env.run("export-customers", { full: true });
    expect(full.summary.sent).toBeGreaterThanOrEqual(3);
  });

  it("dry run sends nothing: the sandbox request log is unchanged and no ledger row changes", async () => {
    await env.seed.customer();
    const requests = env.sandbox.counters.requests_total;
    const { joorSyncRecords: before } = await env.admin.ok(
      `{ joorSyncRecords(kind: CUSTOMER, first: 100) { totalCount edges { node { key sentAt payloadHash } } } }`,
    );
    const job = await env.run("export-customers", { dryRun: true });
    expect(job.state).toBe("SUCCEEDED");
    expect(job.summary).toMatchObject({ dryRun: true, wouldSend: 1 });
    expect(job.summary.records).toEqual([expect.objectContaining({ action: "create" })]);
    expect(env.sandbox.counters.requests_total).toBe(requests);
    const { joorSyncRecords: after } = await env.admin.ok(
      `{ joorSyncRecords(kind: CUSTOMER, first: 100) { totalCount edges { node { key sentAt payloadHash } } } }`,
    );
    expect(after).toEqual(before);
  });

  it("the ledger shows what JOOR has of each customer; another brand sees none of it", async () => {
    const { joorSyncRecords } = await env.admin.ok(`{ joorSyncRecords(kind: CUSTOMER, filter: { status: ACCEPTED }, first: 2) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { key label joorId status sentAt message } } } }`);
    expect(joorSyncRecords.totalCount).toBeGreaterThanOrEqual(3);
    expect(joorSyncRecords.edges[0].node).toMatchObject({ status: "ACCEPTED", joorId: expect.any(String), label: expect.any(String) });
    const next = await env.admin.ok(`query($a: String) { joorSyncRecords(kind: CUSTOMER, first: 2, after: $a) { edges { node { key } } } }`, {
      a: joorSyncRecords.pageInfo.endCursor,
    });
    expect(next.joorSyncRecords.edges[0].node.key).not.toBe(joorSyncRecords.edges[0].node.key);
    const failed = await env.admin.ok(`{ joorSyncRecords(kind: CUSTOMER, filter: { status: FAILED }) { totalCount } }`);
    expect(failed.joorSyncRecords.totalCount).toBe(0);
    const other = await env.server.otherBrand(["joor"]);
    expect((await other.ok(`{ joorSyncRecords(kind: CUSTOMER) { totalCount } }`)).joorSyncRecords.totalCount).toBe(0);
  });
});
