import { Writable } from "node:stream";
import { createLogger, usePrettyLogs } from "../../src/logging/logger";
import { loadConfig } from "../../src/config/config";

const sink = () => {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
};

describe("server logs: pretty for a person at a terminal, JSON otherwise", () => {
  it("LOG_FORMAT=auto is pretty only when stdout is a TTY; pretty and json force it", () => {
    expect(usePrettyLogs("auto", true)).toBe(true);
    expect(usePrettyLogs("auto", false)).toBe(false);
    expect(usePrettyLogs("pretty", false)).toBe(true);
    expect(usePrettyLogs("json", true)).toBe(false);
    expect(loadConfig({}).logFormat).toBe("auto");
    expect(() => loadConfig({ LOG_FORMAT: "xml" })).toThrow(/LOG_FORMAT/);
  });

  it("a pretty line is readable text with the level, message and fields; a JSON line parses", async () => {
    const p = sink();
    createLogger("info", "selvedge", "pretty", p.stream).info({ jobId: 7 }, "job started");
    await new Promise((r) => setImmediate(r));
    expect(p.text()).toMatch(/INFO.*job started/);
    expect(p.text()).toMatch(/jobId: 7/);
    expect(p.text().trim().startsWith("{")).toBe(false);

    const j = sink();
    createLogger("info", "selvedge", "json", j.stream).info({ jobId: 7 }, "job started");
    await new Promise((r) => setImmediate(r));
    expect(JSON.parse(j.text())).toMatchObject({ level: 30, msg: "job started", jobId: 7, name: "selvedge" });
  });
});
