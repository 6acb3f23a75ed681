import DataLoader from "dataloader";
import { RequestContext } from "../../api/context";
import { Season } from "../../entities/season.entity";

/**
 * Seasons of the caller's brand by id. The first load of a request reads all the brand's seasons at once,
 * so prices, stock and orders at any depth share one statement.
 */
export function seasonLoader(ctx: RequestContext): DataLoader<number, Season | null> {
  return ctx.loaders.get("seasonById", () => {
    const scope = ctx.scope;
    const directory = seasonDirectory(ctx);
    return new DataLoader(async (ids: readonly number[]) => {
      directory.all ??= ctx.services.seasons.allById(scope).then((m) => (directory.loaded = m));
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
