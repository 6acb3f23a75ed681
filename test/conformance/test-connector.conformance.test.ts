import testPlugin from "../fixtures/test-plugin";
import options from "../fixtures/test-plugin/conformance";
import { describeConnectorConformance } from "./connector-conformance";

describeConnectorConformance({ ...options, plugin: "./test/fixtures/test-plugin", definition: testPlugin });
