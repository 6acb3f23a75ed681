import fs from "node:fs";
import path from "node:path";

/** docs/architecture.md and README's Layout describe the tree as it is: every path they name exists, every src/ folder is named. */
const ROOT = path.resolve(__dirname, "../..");
const doc = fs.readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8");
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const layout = readme.slice(readme.indexOf("## Layout"), readme.indexOf("\n## ", readme.indexOf("## Layout") + 1));
const srcFolders = fs
  .readdirSync(path.join(ROOT, "src"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** The repository paths a text names in backticks (placeholders like `<m>` and globs left out). */
function namedPaths(text: string): string[] {
  const spans = [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1].trim());
  return [...new Set(spans.filter((s) => /^(src|test|migrations|plugins|docs|schema|dashboard|bench)\/[\w./-]*$/.test(s)))];
}

const exists = (p: string) => fs.existsSync(path.join(ROOT, p.replace(/\/$/, ""))) || fs.existsSync(path.join(ROOT, `${p}.ts`));

describe("the architecture document", () => {
  it("names only paths that exist", () => {
    const paths = namedPaths(doc);
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter((p) => !exists(p))).toEqual([]);
  });

  it("names every folder of src/, and so does README's Layout", () => {
    expect(srcFolders.length).toBeGreaterThan(15);
    expect(srcFolders.filter((d) => !doc.includes(`src/${d}/`))).toEqual([]);
    expect(srcFolders.filter((d) => !new RegExp(`(^|\\s)${d}/`, "m").test(layout))).toEqual([]);
    expect(layout).toContain("docs/architecture.md");
  });

  it("the path check can fail", () => {
    expect(namedPaths("see `src/db/brand-scope.ts`, `src/nowhere/x.ts` and `src/modules/<m>/x.ts`")).toEqual(["src/db/brand-scope.ts", "src/nowhere/x.ts"]);
    expect(exists("src/nowhere/x.ts")).toBe(false);
    expect(exists("src/db/brand-scope")).toBe(true);
  });
});
