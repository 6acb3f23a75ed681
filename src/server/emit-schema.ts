import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { buildFullSchema } from "./full-schema";
import { printAppSchema } from "../api/schema";

/** `npm run schema:emit`: writes schema/schema.graphql from the code (core + bundled plugins). */
async function main(): Promise<void> {
  const file = path.resolve(__dirname, "../../schema/schema.graphql");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, printAppSchema(await buildFullSchema()));
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}

void main();
