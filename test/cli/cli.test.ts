import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildCli } from "../../src/cli";
import { startSelvedge } from "../../src/server/bootstrap";
import { testConfig } from "../harness/test-server";
import { GraphQLClient } from "../harness/graphql-client";

describe("npm run cli -- brand | user | token", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selvedge-cli-"));
  const databaseUrl = `sqlite:${path.join(dir, "cli.sqlite")}`;
  let output: string[] = [];
  const saved = process.env.DATABASE_URL;

  beforeAll(() => {
    process.env.DATABASE_URL = databaseUrl;
    jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      output.push(String(chunk));
      return true;
    });
  });
  afterAll(() => {
    process.env.DATABASE_URL = saved;
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = async (...args: string[]) => {
    output = [];
    await buildCli().parseAsync(["node", "cli", ...args]);
    return output.join("");
  };

  it("creates a brand, a user and tokens; a token works against the API and can be revoked", async () => {
    expect(await run("brand", "create", "--name", "Acme", "--slug", "acme", "--modules", "inventory,joor")).toMatch(
      /brand acme created .*modules: inventory, joor/,
    );
    expect(await run("user", "create", "--brand", "acme", "--email", "ops@acme.example", "--name", "Ops", "--role", "editor")).toMatch(
      /user ops@acme.example created .*role EDITOR/,
    );
    const created = await run("token", "create", "--brand", "acme", "--user", "ops@acme.example");
    const token = /^(slv_\S+)$/m.exec(created)![1];
    const service = await run("token", "create", "--brand", "acme", "--role", "VIEWER");
    expect(service).toMatch(/viewer-service@acme.local \(VIEWER\)/);
    expect(await run("brand", "list")).toMatch(/acme\tAcme\tinventory,joor/);
    expect(await run("user", "list", "--brand", "acme")).toMatch(/ops@acme.example\tEDITOR\tactive/);

    const app = await startSelvedge({ config: testConfig({ databaseUrl, mediaDir: path.join(dir, "media"), role: "api" }) });
    try {
      expect(app.firstStart).toBeNull();
      const client = new GraphQLClient(app.url!, token);
      expect(await client.ok(`{ viewer { email role } brand { slug } }`)).toEqual({
        viewer: { email: "ops@acme.example", role: "EDITOR" },
        brand: { slug: "acme" },
      });
      const tokens = await run("token", "list", "--brand", "acme");
      const id = tokens
        .split("\n")
        .find((l) => token.startsWith(l.split("\t")[1]?.replace("…", "") ?? "-"))!
        .split("\t")[0];
      expect(await run("token", "revoke", "--brand", "acme", "--id", id)).toMatch(/revoked/);
      expect((await client.fails(`{ viewer { id } }`)).extensions?.code).toBe("UNAUTHENTICATED");
    } finally {
      await app.stop();
    }
  });

  it("refuses bad input with a clear message", async () => {
    await expect(run("brand", "create", "--name", "Dup", "--slug", "acme")).rejects.toThrow(/taken/);
    await expect(run("user", "create", "--brand", "nope", "--email", "a@b.example", "--name", "A", "--role", "VIEWER")).rejects.toThrow(
      /No brand with slug "nope"/,
    );
    await expect(run("token", "create", "--brand", "acme", "--role", "OWNER")).rejects.toThrow(/ADMIN, EDITOR or VIEWER/);
  });
});
