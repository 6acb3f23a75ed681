import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { RequestContext } from "../../api/context";
import { parseId } from "../../api/ids";
import { Season } from "../../entities/season.entity";
import { CreateSeasonInput, UpdateSeasonInput } from "./season.inputs";

@Resolver(() => Season)
export class SeasonResolver {
  @Authorized()
  @Query(() => [Season], { description: "The brand's seasons, most recent (latest startDate) first" })
  seasons(@Arg("activeOnly", { defaultValue: false }) activeOnly: boolean, @Ctx() ctx: RequestContext): Promise<Season[]> {
    return ctx.services.seasons.list(ctx.scope, activeOnly);
  }

  @Authorized()
  @Query(() => Season)
  season(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Season> {
    return ctx.services.seasons.get(ctx.scope, parseId(id));
  }

  @Authorized("EDITOR")
  @Mutation(() => Season)
  createSeason(@Arg("input") input: CreateSeasonInput, @Ctx() ctx: RequestContext): Promise<Season> {
    return ctx.services.seasons.create(ctx.scope, input);
  }

  @Authorized("EDITOR")
  @Mutation(() => Season)
  updateSeason(@Arg("input") input: UpdateSeasonInput, @Ctx() ctx: RequestContext): Promise<Season> {
    return ctx.services.seasons.update(ctx.scope, input, parseId(input.id));
  }

  @Authorized("EDITOR")
  @Mutation(() => Season)
  deactivateSeason(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Season> {
    return ctx.services.seasons.deactivate(ctx.scope, parseId(id));
  }
}
