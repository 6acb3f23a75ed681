import type { JoorSandbox } from "../../plugins/joor/sandbox";
import { bulkConnections, Client, connection, start } from "./helpers";

describe("JOOR sandbox: v2 connections", () => {
  let sb: JoorSandbox;
  let c: Client;
  beforeAll(async () => ({ sb, c } = await start()));
  afterAll(() => sb.close());

  const bulk = (items: unknown[]) => bulkConnections(c, items);

  it("bulk-connection is a background job: the POST answers a job id, the results come from the job's GET", async () => {
    const posted = await c.v2("POST", "/bulk-connection", { bulk_connections: { connection: [connection("JOB01")] } });
    expect(posted.status).toBe(200);
    expect(posted.body).toMatchObject({
      response: { code: 200 },
      job_id: expect.any(String),
      job: { status: "QUEUED", item_count: 1, pass_count: null, results: [] },
    });
    const job = await c.v2("GET", `/bulk-connection/${posted.body.job_id}`);
    expect(job.body.job).toMatchObject({
      job_id: posted.body.job_id,
      status: "COMPLETED",
      pass_count: 1,
      results: [{ customer_code: "JOB01", status: "pass", action: "created" }],
    });
  });

  it("with a job delay set, the job stays QUEUED (and its customers unknown) until the delay has passed; jobs run in order", async () => {
    await c.admin("PUT", "/settings", { bulk_job_delay_seconds: 600 });
    try {
      const first = await c.v2("POST", "/bulk-connection", { bulk_connections: { connection: [connection("LATE01", { customer_alias: "first" })] } });
      const second = await c.v2("POST", "/bulk-connection", { bulk_connections: { connection: [connection("LATE01", { customer_alias: "second" })] } });
      expect((await c.v2("GET", `/bulk-connection/${first.body.job_id}`)).body.job.status).toBe("QUEUED");
      expect((await c.v2("GET", "/connection/customer_code/LATE01")).status).toBe(404);
      await c.admin("POST", "/clock/advance", { seconds: 601 });
      expect((await c.v2("GET", `/bulk-connection/${second.body.job_id}`)).body.job.results[0].action).toBe("updated");
      const got = await c.v2("GET", "/connection/customer_code/LATE01");
      expect(got.body.connections.connections.connection[0].customer_alias).toBe("second");
      // The admin API can run queued jobs at once.
      const third = await c.v2("POST", "/bulk-connection", { bulk_connections: { connection: [connection("LATE02")] } });
      expect((await c.admin("POST", "/jobs/run")).body.processed).toBe(1);
      expect((await c.admin("GET", "/jobs?limit=1000")).body.items.find((j: any) => j.job_id === third.body.job_id).status).toBe("COMPLETED");
    } finally {
      await c.admin("PUT", "/settings", { bulk_job_delay_seconds: 0 });
    }
  });

  it("creates connections through a bulk job and upserts by customer_code", async () => {
    const first = await bulk([
      connection("ACME01", {
        customer_contact_email: "buyer@acme.test",
        price_currency: "USD",
        price_label: "USD-1",
        warehouses: { warehouse: [{ warehouse_name: "Default" }] },
      }),
    ]);
    expect(first.status).toBe(200);
    expect(first.body.response).toMatchObject({ code: 200, log_id: expect.any(String) });
    expect(first.body.job).toMatchObject({
      status: "COMPLETED",
      item_count: 1,
      pass_count: 1,
      fail_count: 0,
      results: [{ index: 0, customer_code: "ACME01", status: "pass", action: "created", connection_id: expect.any(String) }],
    });
    const id = first.body.job.results[0].connection_id;

    // Same code again: updated, not duplicated; a sent address list replaces the stored one.
    const second = await bulk([
      connection("ACME01", {
        customer_name: "Acme Stores Ltd",
        shipping: {
          shipping_addresses: {
            shipping_address: [
              { shipping_code: "ACME01-D1", shipping_address_1: "9 New Quay", shipping_city: "Leeds", shipping_country: "GB" },
              { shipping_code: "ACME01-D2", shipping_address_1: "1 Main St", shipping_city: "Austin", shipping_region: "TX", shipping_country: "US" },
            ],
          },
        },
      }),
    ]);
    expect(second.body.job.results[0]).toMatchObject({ action: "updated", connection_id: id });
    const got = await c.v2("GET", "/connection/customer_code/ACME01/");
    expect(got.status).toBe(200);
    expect(got.body.connections.response).toMatchObject({ code: 200, start_from: 0, next_start: null, count: 1 });
    // JOOR's nesting: connections > response and connections > connections > connection[].
    const conn = got.body.connections.connections.connection[0];
    expect(conn).toMatchObject({
      customer_account_id: id,
      customer_code: "ACME01",
      customer_name: "Acme Stores Ltd",
      customer_contact_email: "buyer@acme.test",
      price_currency: "USD",
      price_label: "USD-1",
      warehouses: { warehouse: [{ warehouse_name: "Default", warehouse_code: "DEFAULT" }] },
    });
    const ship = conn.shipping.shipping_addresses.shipping_address;
    expect(ship.map((a: any) => [a.shipping_code, a.shipping_city, a.shipping_country])).toEqual([
      ["ACME01-D1", "Leeds", "GB"],
      ["ACME01-D2", "Austin", "US"],
    ]);
    expect(ship[0].shipping_country_name).toBe("United Kingdom");
    expect(conn.billing.billing_addresses.billing_address[0]).toMatchObject({ billing_code: "ACME01-A1", billing_address_id: expect.any(Number) });
    const byId = await c.v2("GET", `/connection/${id}/`);
    expect(byId.body.connections.connections.connection[0].customer_code).toBe("ACME01");
    expect((await c.admin("GET", "/connections?customer_code=ACME01")).body.total).toBe(1);
  });

  it("validates each connection and reports per-item failures in the job", async () => {
    const r = await bulk([
      connection("OK02"),
      { customer_code: "NONAME" },
      connection("BADCTRY", {
        billing: { billing_addresses: { billing_address: [{ billing_code: "B", billing_address_1: "x", billing_city: "y", billing_country: "ZZ" }] } },
      }),
      connection("USNOREGION", {
        shipping: { shipping_addresses: { shipping_address: [{ shipping_code: "S", shipping_address_1: "x", shipping_city: "NYC", shipping_country: "US" }] } },
      }),
      connection("WH", { warehouses: { warehouse: [{ warehouse_name: "Nowhere" }] } }),
      connection("PT", { price_currency: "USD", price_label: "USD-9" }),
      connection("X".repeat(51)),
      connection("EXTRA", { favourite_colour: "red" }),
      connection("LONG", { customer_buyer_name: "B".repeat(51) }),
      connection("LONGOK", { customer_contact_name: "C".repeat(1000), sales_rep_code: "R".repeat(100), customer_group_code: "G".repeat(100) }),
    ]);
    expect(r.body.job.status).toBe("COMPLETED_WITH_ERRORS");
    expect(r.body.job.pass_count).toBe(2);
    const fails = r.body.job.results.filter((x: any) => x.status === "fail");
    expect(fails.map((f: any) => f.errors[0].field)).toEqual([
      "customer_name",
      "billing.billing_addresses.billing_address.0.billing_country",
      "shipping.shipping_addresses.shipping_address.0.shipping_region",
      "warehouses.warehouse.0.warehouse_name",
      "price_label",
      "customer_code",
      "favourite_colour",
      "customer_buyer_name",
    ]);
    const job = await c.v2("GET", `/bulk-connection/${r.body.job.job_id}`);
    expect(job.body.job.fail_count).toBe(8);
  });

  it("rejects a body without the bulk_connections root", async () => {
    const r = await c.v2("POST", "/bulk-connection", [connection("ROOT")]);
    expect(r.status).toBe(400);
    expect(r.body.response.code).toBe(400);
  });

  it("answers 404 for unknown connections, lists with paging, updates and deletes", async () => {
    const missing = await c.v2("GET", "/connection/customer_code/NOPE/");
    expect(missing.status).toBe(404);
    expect(missing.body.connections.connections.connection).toEqual([]);
    await bulk(["L1", "L2", "L3"].map((x) => connection(x)));
    const page1 = await c.v2("GET", "/connection?start_from=0&count=2");
    expect(page1.body.connections.response).toMatchObject({ start_from: 0, count: 2, next_start: 2 });
    const total = page1.body.connections.response.total;
    const last = await c.v2("GET", `/connection?start_from=${total - 1}&count=2`);
    expect(last.body.connections.response).toMatchObject({ count: 1, next_start: null });
    const id = (await c.v2("GET", "/connection/customer_code/L1")).body.connections.connections.connection[0].connection_id;
    const put = await c.v2("PUT", `/connection/${id}`, { connection: { customer_alias: "Lima" } });
    expect(put.body.connections.connections.connection[0]).toMatchObject({ customer_alias: "Lima", customer_name: "Customer L1" });
    const badPut = await c.v2("PUT", `/connection/${id}`, { connection: { customer_code: "OTHER" } });
    expect(badPut.status).toBe(400);
    expect((await c.v2("DELETE", `/connection/${id}`)).status).toBe(200);
    expect((await c.v2("GET", "/connection/customer_code/L1")).status).toBe(404);
  });

  it("hides new connections until JOOR's matching delay has passed (when configured)", async () => {
    await c.admin("PUT", "/settings", { connection_visibility_delay_seconds: 3600 });
    await bulk([connection("SLOW1")]);
    expect((await c.v2("GET", "/connection/customer_code/SLOW1")).status).toBe(404);
    await c.admin("POST", "/clock/advance", { seconds: 3601 });
    expect((await c.v2("GET", "/connection/customer_code/SLOW1")).status).toBe(200);
    await c.admin("PUT", "/settings", { connection_visibility_delay_seconds: 0 });
  });
});
