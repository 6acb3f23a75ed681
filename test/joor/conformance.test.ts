import joor from "../../plugins/joor";
import { startJoorSandbox, type JoorSandbox } from "../../plugins/joor/sandbox";
import { describeConnectorConformance } from "../conformance/connector-conformance";
import { ean13 } from "./harness";
import { scopeFor } from "../harness/scope";

let sandbox: JoorSandbox;

describeConnectorConformance({
  plugin: "joor",
  definition: joor,
  operation: "export-products",
  setup: async () => {
    sandbox = await startJoorSandbox({ port: 0, rateLimit: { enabled: false } });
    return { teardown: () => sandbox.close() };
  },
  settings: () => ({
    environment: "SANDBOX",
    authUrl: sandbox.urls.auth,
    v2Url: sandbox.urls.v2,
    v4Url: sandbox.urls.v4,
    accountId: sandbox.accountId,
    clientId: sandbox.credentials.client_id,
    clientSecret: sandbox.credentials.client_secret,
    username: sandbox.credentials.username,
    password: sandbox.credentials.password,
    v2ApiToken: sandbox.credentials.v2_token,
    creditBudget: 100_000,
    batchSize: 500,
  }),
  invalidSettings: { authUrl: "not a url", batchSize: 0, accountId: "", environment: "MARS", priceTypes: [{ currency: "euro", priceType: "X" }] },
  // one product per request, each request 40 ms late: slow enough to cancel between products
  slowSettings: { batchSize: 1 },
  onSlow: async (on) => {
    if (on) sandbox.faults.add({ type: "latency", latency_ms: 40, count: null });
    else sandbox.faults.clear();
  },
  // the seed has variants without barcodes: each run reports them as issues and sends the rest
  failingSettings: {},
  seed: async (s) => {
    for (let i = 0; i < 12; i++) {
      await s.app.services.products.create(scopeFor(s.app, s.brandId), {
        styleNumber: `CF${i}`,
        colourCode: "NVY",
        colourName: "Navy",
        name: `Conformance ${i}`,
        active: true,
        sizes: [
          { size: "S", barcode: ean13(900_000 + i * 10) },
          { size: "M", barcode: i % 5 === 0 ? null : ean13(900_000 + i * 10 + 1) },
        ],
      } as never);
    }
  },
  countWork: async () => sandbox.state.account().products.size + sandbox.state.account().skus.size,
});
