import { GraphQLSchema, printSchema } from "graphql";
import { isCompiledQuery } from "graphql-jit";
import type { GatewayInterface, GatewayExecutor } from "@apollo/server-gateway-interface";
import { JitCompiler, clientErrorsFirst } from "./jit-compiler";

/**
 * Executes HTTP operations with graphql-jit (src/server/jit-compiler.ts), plugged into Apollo Server through
 * its gateway interface. Apollo still parses, validates (depth, cost) and formats errors; only execution
 * changes. Execution of large nested pages is several times faster than graphql-js's interpreter.
 * On by default; SELVEDGE_GRAPHQL_JIT=off goes back to graphql-js on both transports.
 */
export function createJitGateway(schema: GraphQLSchema, jit = new JitCompiler(schema)): GatewayInterface {
  const executor: GatewayExecutor = async (rc) => {
    const query = jit.compile(rc.queryHash, rc.document, rc.operationName);
    if (!isCompiledQuery(query)) return query;
    return clientErrorsFirst(query.query(undefined, rc.context, jit.variables(rc.operation, rc.request.variables)));
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}
