import { SystemData } from "../db/system-data";
import "reflect-metadata";
import { Command } from "commander";
import { DataSource } from "typeorm";
import { loadConfig } from "../config/config";
import { openDatabase } from "../db/data-source";
import { CORE_MODULES, IdentityService } from "../modules/identity/identity.service";
import { PluginRegistry } from "../plugin/plugin-registry";
import { isRole } from "../auth/roles";
import { addRemoteCommands, JobDidNotSucceed } from "./remote-commands";

/**
 * `npm run cli -- <command>`: brands, users and tokens, straight on the database named by DATABASE_URL.
 * Jobs on a running server: `sync <connector> <operation> [--dry-run] [--full]`, `jobs`, `job <id> [--follow]`
 * (src/cli/remote-commands.ts). Examples:
 *   npm run cli -- brand create --name "Acme" --slug acme --modules inventory,joor
 *   npm run cli -- user create --brand acme --email ops@acme.test --name Ops --role EDITOR
 *   npm run cli -- token create --brand acme --role EDITOR
 */
async function withIdentity<T>(work: (identity: IdentityService, ds: DataSource) => Promise<T>): Promise<T> {
  const ds = await openDatabase({ databaseUrl: loadConfig().databaseUrl });
  try {
    // the brand modules of the configured plugins are known too (e.g. "joor")
    const plugins = PluginRegistry.load(loadConfig().plugins);
    return await work(new IdentityService(new SystemData(ds), undefined, [...CORE_MODULES, ...plugins.modules()]), ds);
  } finally {
    await ds.destroy();
  }
}

const print = (line: string) => process.stdout.write(line + "\n");
const list = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export function buildCli(): Command {
  const program = new Command("selvedge")
    .description("Selvedge administration (brands, users, API tokens on DATABASE_URL) and jobs on a running server (SELVEDGE_URL, SELVEDGE_TOKEN)")
    .exitOverride();

  const brand = program.command("brand").description("Manage brands (tenants)");
  brand
    .command("create")
    .requiredOption("--name <name>", "display name")
    .requiredOption("--slug <slug>", "short unique id: lower-case letters, digits, dashes")
    .option("--modules <list>", "comma-separated optional modules (inventory, joor)", "")
    .action((o) =>
      withIdentity(async (id) => {
        const b = await id.createBrand(o.name, o.slug, list(o.modules));
        print(`brand ${b.slug} created (id ${b.id}, modules: ${b.modules.join(", ") || "none"})`);
      }),
    );
  brand.command("list").action(() =>
    withIdentity(async (id) => {
      for (const b of await id.listBrands()) print(`${b.id}\t${b.slug}\t${b.name}\t${b.modules.join(",")}`);
    }),
  );
  brand
    .command("modules")
    .description("set the enabled modules of a brand")
    .requiredOption("--brand <slug>")
    .requiredOption("--modules <list>", "comma-separated, e.g. inventory,joor (empty string for none)")
    .action((o) =>
      withIdentity(async (id) => {
        const b = await id.setModules((await id.brandBySlug(o.brand)).id, list(o.modules));
        print(`brand ${b.slug} modules: ${b.modules.join(", ") || "none"}`);
      }),
    );

  const user = program.command("user").description("Manage users");
  user
    .command("create")
    .requiredOption("--brand <slug>")
    .requiredOption("--email <email>")
    .requiredOption("--name <name>")
    .requiredOption("--role <role>", "ADMIN, EDITOR or VIEWER")
    .action((o) =>
      withIdentity(async (id) => {
        const b = await id.brandBySlug(o.brand);
        const u = await id.createUser(id.scopeFor(b.id), { name: o.name, email: o.email, role: String(o.role).toUpperCase() });
        print(`user ${u.email} created (id ${u.id}, role ${u.role})`);
      }),
    );
  user
    .command("list")
    .requiredOption("--brand <slug>")
    .action((o) =>
      withIdentity(async (id) => {
        const b = await id.brandBySlug(o.brand);
        for (const u of await id.listUsers(id.scopeFor(b.id))) print(`${u.id}\t${u.email}\t${u.role}\t${u.active ? "active" : "inactive"}`);
      }),
    );

  const token = program.command("token").description("Manage API tokens");
  token
    .command("create")
    .requiredOption("--brand <slug>")
    .option("--user <email>", "the token's user (default: a service user for the role)")
    .option("--role <role>", "role of the service user created when --user is not given", "EDITOR")
    .option("--name <name>", "a label for the token", "cli")
    .action((o) =>
      withIdentity(async (id) => {
        const b = await id.brandBySlug(o.brand);
        const role = String(o.role).toUpperCase();
        if (!isRole(role)) throw new Error(`--role must be ADMIN, EDITOR or VIEWER, not ${o.role}`);
        const users = await id.listUsers(id.scopeFor(b.id));
        const email = (o.user ?? `${role.toLowerCase()}-service@${b.slug}.local`).toLowerCase();
        const u =
          users.find((x) => x.email === email) ?? (o.user ? undefined : await id.createUser(id.scopeFor(b.id), { name: `${role} service`, email, role }));
        if (!u) throw new Error(`No user ${email} in brand ${b.slug}`);
        const { token: secret, apiToken } = await id.createToken(id.scopeFor(b.id), u.id, o.name);
        print(`token ${apiToken.id} for ${u.email} (${u.role}); shown once:`);
        print(secret);
      }),
    );
  token
    .command("list")
    .requiredOption("--brand <slug>")
    .action((o) =>
      withIdentity(async (id) => {
        const b = await id.brandBySlug(o.brand);
        for (const t of await id.listTokens(id.scopeFor(b.id))) print(`${t.id}\t${t.prefix}…\t${t.name}\t${t.revokedAt ? "revoked" : "active"}`);
      }),
    );
  token
    .command("revoke")
    .requiredOption("--brand <slug>")
    .requiredOption("--id <id>")
    .action((o) =>
      withIdentity(async (id) => {
        const b = await id.brandBySlug(o.brand);
        await id.revokeToken(id.scopeFor(b.id), Number(o.id));
        print(`token ${o.id} revoked`);
      }),
    );
  addRemoteCommands(program);
  return program;
}

if (require.main === module) {
  buildCli()
    .parseAsync(process.argv)
    .catch((error: Error & { code?: string }) => {
      if (error.code?.startsWith("commander.")) process.exit(error.code === "commander.helpDisplayed" || error.code === "commander.version" ? 0 : 1);
      if (error instanceof JobDidNotSucceed) process.exit(2);
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(1);
    });
}
