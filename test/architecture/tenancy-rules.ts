import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * The tenancy rule of src/modules/** as a checker over source text: brand-owned rows are reached only through a
 * BrandScope (`scope.repo(Entity)`, `scope.rows`, `scope.transaction`), never through a DataSource, an
 * EntityManager, a raw repository, raw SQL or the raw hot-row readers. Exceptions are named per file with a reason.
 */

export interface Allowance {
  /** What the file may use beyond the scope. */
  uses: ("SystemData" | "EntityManager" | "ownedThrough" | "executeOnChildren" | "rawSystemAccess")[];
  reason: string;
}

export interface TenancyRules {
  /** Class names of the entities with a brandId column. */
  brandOwned: ReadonlySet<string>;
  /** Repository-relative path → what it may use and why. */
  allow: Readonly<Record<string, Allowance>>;
}

const TYPEORM_FORBIDDEN = new Set(["DataSource", "EntityManager", "Repository"]);
const HOT_ROWS_RAW = new Set(["selectRows", "selectEntityRows", "selectEntities", "columnHydrator"]);
const RAW_MEMBERS = new Set(["getRepository", "manager", "query", "createQueryBuilder", "getMetadata"]);
/** EntityManager-style calls that take the entity first: `m.find(Product, …)`. */
const ENTITY_FIRST = new Set([
  "find",
  "findBy",
  "findOne",
  "findOneBy",
  "findOneByOrFail",
  "findOneOrFail",
  "count",
  "countBy",
  "exists",
  "existsBy",
  "insert",
  "save",
  "update",
  "delete",
  "upsert",
  "remove",
  "create",
  "increment",
  "decrement",
  "query",
]);

/** Every tenancy violation in one file's source, as "file:line: message". */
export function tenancyViolations(file: string, source: string, rules: TenancyRules): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const allowed = new Set(rules.allow[file]?.uses ?? []);
  const out: string[] = [];
  const report = (node: ts.Node, message: string) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    out.push(`${file}:${line + 1}: ${message}`);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const from = node.moduleSpecifier.text;
      const names = namedImports(node);
      if (from === "typeorm") {
        for (const name of names) {
          if (name === "EntityManager" && allowed.has("EntityManager")) continue;
          if (TYPEORM_FORBIDDEN.has(name)) report(node, `imports ${name} from typeorm (take a BrandScope)`);
        }
      }
      if (/\/db\/hot-rows$/.test(from)) {
        for (const name of names)
          if (HOT_ROWS_RAW.has(name)) report(node, `imports ${name} from hot-rows (use scope.rows / scope.entityRows / scope.hydrator)`);
      }
      if (/\/db\/system-data$/.test(from) && !allowed.has("SystemData")) report(node, "imports SystemData without an allow-list entry");
    }
    if (ts.isPropertyAccessExpression(node)) {
      const name = node.name.text;
      const ownedChild = name === "createQueryBuilder" && isOwnedThroughCall(node.expression) && allowed.has("ownedThrough");
      if (RAW_MEMBERS.has(name) && !ownedChild && !allowed.has("rawSystemAccess")) {
        report(node, `uses .${name} (reach rows through scope.repo(...))`);
      }
      if (name === "ds" && (node.expression.kind === ts.SyntaxKind.ThisKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "ctx"))) {
        report(node, "uses the raw DataSource (ctx.ds / this.ds)");
      }
      if ((name === "ownedThrough" || name === "executeOnChildren") && !allowed.has(name)) {
        report(node, `uses scope.${name} without an allow-list entry`);
      }
    }
    if (ts.isIdentifier(node) && node.text === "getRepository" && !ts.isPropertyAccessExpression(node.parent) && !allowed.has("rawSystemAccess")) {
      report(node, "calls getRepository");
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ENTITY_FIRST.has(node.expression.name.text)) {
      const first = node.arguments[0];
      if (first && ts.isIdentifier(first) && rules.brandOwned.has(first.text) && !allowed.has("rawSystemAccess")) {
        report(node, `passes the brand-owned entity ${first.text} to .${node.expression.name.text}() (use scope.repo(${first.text}))`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function namedImports(node: ts.ImportDeclaration): string[] {
  const bindings = node.importClause?.namedBindings;
  if (!bindings || !ts.isNamedImports(bindings)) return [];
  return bindings.elements.map((e) => (e.propertyName ?? e.name).text);
}

function isOwnedThroughCall(expression: ts.Expression): boolean {
  return ts.isCallExpression(expression) && ts.isPropertyAccessExpression(expression.expression) && expression.expression.name.text === "ownedThrough";
}

/** The classes of src/entities whose own columns include brandId. */
export function brandOwnedEntities(root: string): Set<string> {
  const dir = path.join(root, "src/entities");
  const owned = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const sf = ts.createSourceFile(file, fs.readFileSync(path.join(dir, file), "utf8"), ts.ScriptTarget.Latest, true);
    sf.forEachChild((node) => {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const hasBrand = node.members.some((m) => ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === "brandId");
      const inherits = node.heritageClauses?.some((h) => h.types.some((t) => /BrandOwned/.test(t.expression.getText(sf))));
      if (hasBrand || inherits) owned.add(node.name.text);
    });
  }
  return owned;
}

/** Every .ts file under a folder, repository-relative. */
export function sourceFiles(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts")) out.push(path.relative(root, full).split(path.sep).join("/"));
    }
  };
  walk(path.join(root, folder));
  return out.sort();
}
