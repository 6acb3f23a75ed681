import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { dataOf, hostOf, type RequestContext } from "../../../src/plugin";
import { testJoorConnection } from "../settings/connection-test";
import { JoorConnectionTest, JoorSettings, JoorSettingsInput } from "../settings/settings.types";
import { joorBrand, settingsService } from "./guard";

/** The typed JOOR settings (ADMIN: they include the connection) and the connection test. */
@Resolver()
export class JoorSettingsResolver {
  @Authorized("ADMIN")
  @Query(() => JoorSettings, { description: "ADMIN. The brand's JOOR settings (secrets: only whether set)" })
  async joorSettings(@Ctx() ctx: RequestContext): Promise<JoorSettings> {
    await joorBrand(ctx); // refuses a brand without the JOOR module
    return settingsService(ctx).read();
  }

  @Authorized("ADMIN")
  @Mutation(() => JoorSettings, { description: "ADMIN. Changes the given JOOR settings (null clears); all validated first" })
  async updateJoorSettings(@Arg("input") input: JoorSettingsInput, @Ctx() ctx: RequestContext): Promise<JoorSettings> {
    await joorBrand(ctx);
    return settingsService(ctx).update(input);
  }

  @Authorized("ADMIN")
  @Mutation(() => JoorConnectionTest, { description: "ADMIN. Gets a token, reads price types and warehouses from JOOR, and says what is wrong" })
  async testJoorConnection(@Ctx() ctx: RequestContext): Promise<JoorConnectionTest> {
    await joorBrand(ctx);
    return testJoorConnection(dataOf(ctx), hostOf(ctx, "joor"));
  }
}
