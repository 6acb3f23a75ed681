/**
 * `selvedge/plugin`: the SDK an out-of-tree plugin imports (package.json "exports"; docs/plugins-and-jobs.md,
 * "A plugin outside this repository"). Everything in src/plugin/index.ts flows through unchanged.
 */
export * from "../plugin/index";
export type { BrandScope, BrandOwned, ScopedRepository } from "../db/brand-scope";
export { z } from "zod";
/** For a plugin's resolvers: the GraphQL context (`@Ctx()`) and the caller's brand. */
export { brandOf, principalOf, type RequestContext } from "../api/context";
