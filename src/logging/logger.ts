import pino, { Logger } from "pino";
import pretty from "pino-pretty";

export type LogFormat = "auto" | "pretty" | "json";

/** Pretty lines for a person at a terminal; JSON (one object a line) for everything else (files, collectors). */
export function usePrettyLogs(format: LogFormat, isTTY = process.stdout.isTTY === true): boolean {
  return format === "pretty" || (format === "auto" && isTTY);
}

/**
 * One structured logger for the process (pino: fast, levels, child loggers per job/request). With a terminal on
 * stdout (or LOG_FORMAT=pretty) lines go through pino-pretty as a synchronous stream (no worker thread):
 * coloured, with readable times; the JSON form is unchanged otherwise.
 */
export function createLogger(level: string, name = "selvedge", format: LogFormat = "json", destination?: NodeJS.WritableStream): Logger {
  if (!usePrettyLogs(format) || level === "silent") return destination ? pino({ name, level }, destination) : pino({ name, level });
  const stream = pretty({
    colorize: !destination && process.stdout.isTTY === true,
    translateTime: "SYS:HH:MM:ss.l",
    ignore: "pid,hostname,name",
    sync: true,
    ...(destination ? { destination } : {}),
  });
  return pino({ name, level }, stream);
}

export type { Logger };
