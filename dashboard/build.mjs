// Builds the dashboard (dashboard/src) into build/dashboard with esbuild: one minified ES module bundle and one CSS
// file with content hashes, and an index.html naming them. Run by `npm install` (postinstall), `npm start`
// (prestart), `npm run dashboard:build` and the browser test. Nothing is fetched at run time.
import * as esbuild from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(here, "..", "build", "dashboard");

export async function buildDashboard({ quiet = false } = {}) {
  // Builds may run at once (parallel test files): hashed files are only added, index.html is replaced
  // atomically, and bundles no index refers to are removed once they are 10 minutes old.
  fs.mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: { app: path.join(here, "src", "main.tsx") },
    bundle: true,
    minify: true,
    format: "esm",
    target: ["es2020"],
    jsx: "automatic",
    jsxImportSource: "preact",
    entryNames: "[name]-[hash]",
    outdir,
    metafile: true,
    legalComments: "none",
    logLevel: quiet ? "error" : "warning",
  });
  const outputs = Object.keys(result.metafile.outputs).map((f) => path.basename(f));
  const js = outputs.find((f) => f.endsWith(".js"));
  const css = outputs.find((f) => f.endsWith(".css"));
  const html = fs
    .readFileSync(path.join(here, "src", "index.html"), "utf8")
    .replace("%APP_JS%", `/dashboard/${js}`)
    .replace("%APP_CSS%", css ? `<link rel="stylesheet" href="/dashboard/${css}">` : "");
  const tmp = path.join(outdir, `.index-${process.pid}-${Date.now()}.html`);
  fs.writeFileSync(tmp, html);
  fs.renameSync(tmp, path.join(outdir, "index.html"));
  for (const f of fs.readdirSync(outdir)) {
    if (f === "index.html" || outputs.includes(f)) continue;
    const file = path.join(outdir, f);
    if (Date.now() - fs.statSync(file).mtimeMs > 10 * 60_000) fs.rmSync(file, { force: true });
  }
  if (!quiet) console.log(`dashboard built: build/dashboard (${outputs.join(", ")})`);
  return { outdir, js, css };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildDashboard().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
