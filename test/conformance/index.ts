/** `selvedge/conformance`: the connector conformance suite and its seed helpers, for plugins in and out of the tree. */
export { describeConnectorConformance, type ConnectorConformanceOptions, type ExternalConformanceOptions } from "./connector-conformance";
export { seedCatalogue, type SeedCatalogueOptions } from "./conformance-seed";
export type { TestServer } from "../harness/test-server";
export type { GraphQLClient } from "../harness/graphql-client";
