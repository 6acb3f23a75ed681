import type { JoorOperation } from "./types";

export const exportCustomers: JoorOperation = {
  description: "Sends ACTIVE customers with an account code to JOOR (DELIVERY and ACCOUNTS addresses); incremental",
  attempts: 3,
  backoffMs: 2_000,
  async run() {
    throw new Error("export-customers is not implemented yet");
  },
};
