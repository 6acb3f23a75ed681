/** `selvedge/zod`: the host's zod (settings schemas are checked with it). */
export * from "zod";
