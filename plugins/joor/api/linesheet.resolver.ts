import DataLoader from "dataloader";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Field, Query, Resolver, Root } from "type-graphql";
import { dataOf, hostOf, type RequestContext, parseId, paginate, pageSize, PageArgs, type Page, Season } from "../../../src/plugin";
import { JoorLinesheet } from "../entities/linesheet.entity";
import { LinesheetService } from "../catalogue/linesheet.service";
import {
  CreateJoorLinesheetInput,
  JoorLinesheetBulkAddInput,
  JoorLinesheetConnection,
  JoorLinesheetProductConnection,
  JoorLinesheetView,
  UpdateJoorLinesheetInput,
} from "../catalogue/linesheet.types";
import { joorBrand } from "./guard";

const service = (ctx: RequestContext) => new LinesheetService(dataOf(ctx));
const view = (l: JoorLinesheet): JoorLinesheetView => Object.assign(new JoorLinesheetView(), l);

@ObjectType({ description: "The result of a bulk add: the linesheet and how many products were added" })
export class JoorLinesheetBulkAddResult {
  @Field(() => JoorLinesheetView) linesheet: JoorLinesheetView;
  @Field(() => Int) added: number;
}

/** The JOOR catalogue: linesheets (JOOR collections) and their ordered products. */
@Resolver(() => JoorLinesheetView)
export class JoorLinesheetResolver {
  @Authorized()
  @Query(() => JoorLinesheetConnection, { description: "The brand's JOOR linesheets" })
  async joorLinesheets(@Args() page: PageArgs, @Ctx() ctx: RequestContext): Promise<Page<JoorLinesheetView>> {
    await joorBrand(ctx);
    const p = await paginate(dataOf(ctx).repo(JoorLinesheet).queryBuilder("l"), page);
    return Object.assign(p, { edges: p.edges.map((e) => ({ cursor: e.cursor, node: view(e.node) })) }) as unknown as Page<JoorLinesheetView>;
  }

  @Authorized()
  @Query(() => JoorLinesheetView)
  async joorLinesheet(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<JoorLinesheetView> {
    return view(await service(ctx).get(await joorBrand(ctx), parseId(id)));
  }

  @FieldResolver(() => Season)
  async season(@Root() l: JoorLinesheetView, @Ctx() ctx: RequestContext): Promise<Season> {
    await joorBrand(ctx);
    return hostOf(ctx, "joor").seasons.get(dataOf(ctx), l.seasonId);
  }

  @FieldResolver(() => Int, { description: "Products on the linesheet" })
  async productCount(@Root() l: JoorLinesheetView, @Ctx() ctx: RequestContext): Promise<number> {
    const brandId = await joorBrand(ctx);
    const loader = ctx.loaders.get<number, number>(
      "joorLinesheetCount",
      () =>
        new DataLoader<number, number>(async (ids) => {
          const m = await service(ctx).count(brandId, ids);
          return ids.map((id) => m.get(id) ?? 0);
        }),
    );
    return loader.load(l.id);
  }

  @FieldResolver(() => JoorLinesheetProductConnection, { description: "The products in their order" })
  async products(@Root() l: JoorLinesheetView, @Args() page: PageArgs, @Ctx() ctx: RequestContext): Promise<JoorLinesheetProductConnection> {
    const brandId = await joorBrand(ctx);
    const first = pageSize(page.first);
    const r = await service(ctx).products(brandId, l.id, first, page.after);
    return {
      edges: r.rows.map((x, i) => ({ cursor: x.cursor, position: i + 1, node: x.product })),
      pageInfo: { hasNextPage: r.hasNext, endCursor: r.rows.length ? r.rows[r.rows.length - 1].cursor : null },
      totalCount: r.total,
    };
  }

  @Authorized("EDITOR")
  @Mutation(() => JoorLinesheetView, { description: "Creates a linesheet (optionally with its products, in order)" })
  async createJoorLinesheet(@Arg("input") input: CreateJoorLinesheetInput, @Ctx() ctx: RequestContext): Promise<JoorLinesheetView> {
    return view(await service(ctx).create(await joorBrand(ctx), input));
  }

  @Authorized("EDITOR")
  @Mutation(() => JoorLinesheetView, { description: "Renames a linesheet or changes its season or delivery window" })
  async updateJoorLinesheet(
    @Arg("id", () => ID) id: string,
    @Arg("input") input: UpdateJoorLinesheetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<JoorLinesheetView> {
    return view(await service(ctx).update(await joorBrand(ctx), parseId(id), input));
  }

  @Authorized("EDITOR")
  @Mutation(() => Boolean, { description: "Deletes a linesheet (the next export-products empties it on JOOR)" })
  async deleteJoorLinesheet(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return service(ctx).delete(await joorBrand(ctx), parseId(id));
  }

  @Authorized("EDITOR")
  @Mutation(() => JoorLinesheetView, { description: "Adds products at the end (those already on it stay where they are)" })
  async addProductsToJoorLinesheet(
    @Arg("id", () => ID) id: string,
    @Arg("productIds", () => [ID]) productIds: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<JoorLinesheetView> {
    return view(await service(ctx).addProducts(await joorBrand(ctx), parseId(id), productIds));
  }

  @Authorized("EDITOR")
  @Mutation(() => JoorLinesheetBulkAddResult, { description: "Adds every active product visible in a season and/or of a category" })
  async addProductsToJoorLinesheetBy(
    @Arg("id", () => ID) id: string,
    @Arg("filter") filter: JoorLinesheetBulkAddInput,
    @Ctx() ctx: RequestContext,
  ): Promise<JoorLinesheetBulkAddResult> {
    const r = await service(ctx).addProductsBy(await joorBrand(ctx), parseId(id), filter);
    return Object.assign(new JoorLinesheetBulkAddResult(), { linesheet: view(r.linesheet), added: r.added });
  }

  @Authorized("EDITOR")
  @Mutation(() => JoorLinesheetView, { description: "Takes products off this linesheet only" })
  async removeProductsFromJoorLinesheet(
    @Arg("id", () => ID) id: string,
    @Arg("productIds", () => [ID]) productIds: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<JoorLinesheetView> {
    return view(await service(ctx).removeProducts(await joorBrand(ctx), parseId(id), productIds));
  }

  @Authorized("EDITOR")
  @Mutation(() => JoorLinesheetView, { description: "Puts the listed products first, in that order; the others follow in their order" })
  async reorderJoorLinesheetProducts(
    @Arg("id", () => ID) id: string,
    @Arg("productIds", () => [ID]) productIds: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<JoorLinesheetView> {
    return view(await service(ctx).reorder(await joorBrand(ctx), parseId(id), productIds));
  }
}
