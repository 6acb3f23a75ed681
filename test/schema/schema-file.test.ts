import fs from "node:fs";
import path from "node:path";
import { buildFullSchema } from "../../src/server/full-schema";
import { printAppSchema } from "../../src/api/schema";

describe("schema/schema.graphql", () => {
  it("matches the schema built from the code (run `npm run schema:emit` after changing the API)", async () => {
    const checkedIn = fs.readFileSync(path.resolve(__dirname, "../../schema/schema.graphql"), "utf8");
    expect(printAppSchema(await buildFullSchema())).toBe(checkedIn);
  });
});
