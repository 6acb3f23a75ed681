import DataLoader from "dataloader";
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { RequestContext, brandOf } from "../../api/context";
import { parseId } from "../../api/ids";
import { Season } from "../../entities/season.entity";
import { CreateSeasonInput, UpdateSeasonInput } from "./season.inputs";

/**
 * Seasons of the caller's brand by id. The first load of a request reads all the brand's seasons at once,
 * so prices, stock and orders at any depth share one statement.
 */
export function seasonLoader(ctx: RequestContext): DataLoader<number, Season | null> {
  const brandId = brandOf(ctx);
  return ctx.loaders.get("seasonById", () => {
    const directory = seasonDirectory(ctx);
    return new DataLoader(async (ids: readonly number[]) => {
      directory.all ??= ctx.services.seasons.allById(brandId).then((m) => (directory.loaded = m));
      const seasons = await directory.all;
      return ids.map((id) => seasons.get(id) ?? null);
    });
  });
}

interface SeasonDirectory {
  all?: Promise<Map<number, Season>>;
  loaded?: Map<number, Season>;
}
function seasonDirectory(ctx: RequestContext): SeasonDirectory {
  return ctx.loaders.memo<SeasonDirectory>("seasonDirectory", () => ({}));
}

/**
 * A season of the brand by id, without a promise once the request has read the brand's seasons (a page of
 * 800 prices asks for the same few seasons 800 times).
 */
export function seasonById(ctx: RequestContext, id: number): Season | null | Promise<Season | null> {
  const loaded = seasonDirectory(ctx).loaded;
  return loaded ? (loaded.get(id) ?? null) : seasonLoader(ctx).load(id);
}

@Resolver(() => Season)
export class SeasonResolver {
  @Authorized()
  @Query(() => [Season], { description: "The brand's seasons, most recent (latest startDate) first" })
  seasons(@Arg("activeOnly", { defaultValue: false }) activeOnly: boolean, @Ctx() ctx: RequestContext): Promise<Season[]> {
    return ctx.services.seasons.list(brandOf(ctx), activeOnly);
  }

  @Authorized()
  @Query(() => Season)
  season(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Season> {
    return ctx.services.seasons.get(brandOf(ctx), parseId(id));
  }

  @Authorized("EDITOR")
  @Mutation(() => Season)
  createSeason(@Arg("input") input: CreateSeasonInput, @Ctx() ctx: RequestContext): Promise<Season> {
    return ctx.services.seasons.create(brandOf(ctx), input);
  }

  @Authorized("EDITOR")
  @Mutation(() => Season)
  updateSeason(@Arg("input") input: UpdateSeasonInput, @Ctx() ctx: RequestContext): Promise<Season> {
    return ctx.services.seasons.update(brandOf(ctx), input, parseId(input.id));
  }

  @Authorized("EDITOR")
  @Mutation(() => Season)
  deactivateSeason(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Season> {
    return ctx.services.seasons.deactivate(brandOf(ctx), parseId(id));
  }
}
