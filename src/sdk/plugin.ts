/**
 * `selvedge/plugin`: the SDK an out-of-tree plugin imports (package.json "exports"; docs/plugins-and-jobs.md,
 * "A plugin outside this repository"). Everything in src/plugin/index.ts flows through unchanged, plus `z`.
 */
export * from "../plugin/index";
export { z } from "zod";
