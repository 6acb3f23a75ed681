import { startTestServer, TestServer } from "../harness/test-server";

const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id accountCode } }`;
const UPDATE = `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id accountCode } }`;
const BY_CODE = `query($c: String!) { customerByAccountCode(accountCode: $c) { id accountCode } }`;

describe("account codes: stored trimmed as entered, unique per brand ignoring case, found ignoring case (same on every database)", () => {
  let s: TestServer;
  let acme: { id: string; accountCode: string };
  beforeAll(async () => {
    s = await startTestServer();
    acme = (await s.admin.ok(CREATE, { input: { name: "Acme", accountCode: "  ACME01 " } })).createCustomer;
  });
  afterAll(async () => s.stop());

  it("stores the code trimmed, as entered", () => {
    expect(acme.accountCode).toBe("ACME01");
  });

  it.each(["acme01", "Acme01", " aCmE01"])("finds ACME01 by %j", async (code) => {
    expect((await s.admin.ok(BY_CODE, { c: code })).customerByAccountCode).toEqual(acme);
  });

  it.each(["acme01", "ACME01", "Acme01 "])("refuses a second customer with %j", async (code) => {
    const err = await s.admin.fails(CREATE, { input: { name: "Copy", accountCode: code } });
    expect(err.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "accountCode" });
    expect((await s.admin.ok(`{ customers { totalCount } }`)).customers.totalCount).toBe(1);
  });

  it("refuses to change another customer's code to one differing only in case", async () => {
    const other = (await s.admin.ok(CREATE, { input: { name: "Other", accountCode: "OTHER1" } })).createCustomer;
    const err = await s.admin.fails(UPDATE, { input: { id: other.id, accountCode: "acme01" } });
    expect(err.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "accountCode" });
    expect((await s.admin.ok(BY_CODE, { c: "other1" })).customerByAccountCode.accountCode).toBe("OTHER1");
  });

  it("lets a customer change the case of its own code", async () => {
    const { updateCustomer } = await s.admin.ok(UPDATE, { input: { id: acme.id, accountCode: "Acme01" } });
    expect(updateCustomer.accountCode).toBe("Acme01");
    expect((await s.admin.ok(BY_CODE, { c: "ACME01" })).customerByAccountCode.id).toBe(acme.id);
  });

  it("codes are per brand: another brand may use the same code in any case", async () => {
    const other = await s.otherBrand();
    expect((await other.ok(CREATE, { input: { name: "Theirs", accountCode: "acme01" } })).createCustomer.accountCode).toBe("acme01");
    expect((await other.ok(BY_CODE, { c: "ACME01" })).customerByAccountCode.accountCode).toBe("acme01");
  });
});
