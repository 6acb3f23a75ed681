/**
 * JOOR sandbox — a local, faithful fake of JOOR's API (token endpoint, v2, v4, credit rate
 * limit) with an admin API for seeding, placing retailer orders, reading back and fault injection.
 * See plugins/joor/sandbox/README.md.
 */
export { startJoorSandbox, type JoorSandbox, type JoorSandboxOptions } from "./server";
export { DEFAULT_SEED, parseSeed, type SandboxSeed, type SeedAccount } from "./state/seed";
export { JOOR_RATE_LIMIT, type RateLimitConfig } from "./rate-limit";
export { FAULT_TYPES, type FaultRuleInput, type FaultRule, type FaultType } from "./faults";
export { SandboxState } from "./state/state";
export { AccountState } from "./state/account";
export { placeOrder, editOrder, type PlaceOrderInput, type EditOrderInput } from "./domain/orders";
export { generateCatalogue, generateOrders } from "./domain/generate";
export { COLOR_TRAIT_ID, SIZE_TRAIT_ID, MATERIALS_TRAIT_ID } from "./types";
export type * from "./types";
