import testPlugin from "../fixtures/test-plugin";
import { TestRecord } from "../fixtures/test-plugin/test-record.entity";
import { describeConnectorConformance } from "./connector-conformance";

describeConnectorConformance({
  plugin: "./test/fixtures/test-plugin",
  definition: testPlugin,
  operation: "import-records",
  settings: () => ({ apiUrl: "https://platform.test/api", apiKey: "key-1", records: 25, delayMs: 0, badKeys: null }),
  invalidSettings: { apiUrl: "not-a-url", records: -5, apiKey: "" },
  slowSettings: { delayMs: 40 },
  failingSettings: { badKeys: ["r0002", "r0010"] },
  countWork: async (s) => s.app.ds.getRepository(TestRecord).countBy({ brandId: s.brandId }),
});
