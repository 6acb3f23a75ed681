import type { JoorOperation } from "./types";

export const exportProducts: JoorOperation = {
  description: "Sends active products with their barcoded sizes and the linesheets to JOOR; incremental",
  attempts: 3,
  backoffMs: 2_000,
  async run() {
    throw new Error("export-products is not implemented yet");
  },
};
