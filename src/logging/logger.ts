import pino, { Logger } from "pino";

/** One structured JSON logger for the process (pino: fast, levels, child loggers per job/request). */
export function createLogger(level: string, name = "selvedge"): Logger {
  return pino({ name, level });
}

export type { Logger };
