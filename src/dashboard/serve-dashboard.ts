import fs from "node:fs";
import path from "node:path";
import express, { Express } from "express";

/** Where `npm run dashboard:build` (dashboard/build.mjs) writes the bundle: build/dashboard at the repository root. */
export function dashboardDir(): string {
  const candidates = [path.resolve(__dirname, "../../build/dashboard"), path.resolve(__dirname, "../../../build/dashboard"), path.resolve("build/dashboard")];
  return candidates.find((d) => fs.existsSync(path.join(d, "index.html"))) ?? candidates[0];
}

/**
 * Serves the dashboard's static files at /dashboard. The dashboard is a client of the public GraphQL API like
 * any other: no private endpoint is added here, only files. Hashed bundles are cached for good, index.html never.
 */
export function serveDashboard(app: Express, dir = dashboardDir()): void {
  const security = (res: express.Response) => {
    res.setHeader(
      "content-security-policy",
      "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
    );
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("referrer-policy", "no-referrer");
  };
  const index = (_req: express.Request, res: express.Response) => {
    security(res);
    const file = path.join(dir, "index.html");
    if (!fs.existsSync(file)) {
      res.status(503).type("text/plain").send("The dashboard is not built: run `npm run dashboard:build` (npm install and npm start do it).");
      return;
    }
    res.setHeader("cache-control", "no-cache");
    res.sendFile(file);
  };
  app.get("/dashboard", index);
  app.get("/dashboard/", index);
  app.use(
    "/dashboard",
    express.static(dir, {
      index: false,
      fallthrough: true,
      setHeaders: (res, file) => {
        security(res as unknown as express.Response);
        res.setHeader("cache-control", /-[A-Z0-9]{8}\.(js|css)$/.test(file) ? "public, max-age=31536000, immutable" : "no-cache");
      },
    }),
  );
}
