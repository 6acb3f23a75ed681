import { ArgsType, ClassType, Field, Int, ObjectType } from "type-graphql";
import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { badInput } from "./errors";

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1..${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` })
  first?: number;
  @Field(() => String, { nullable: true, description: "endCursor of the previous page" })
  after?: string;
}

/** Page arguments of a time-ordered list that can also be read from its newest end (jobs, logs, issues). */
@ArgsType()
export class OrderedPageArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: "Newest first (default false: oldest first); after then pages towards older rows" })
  newestFirst?: boolean;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export function encodeCursor(id: number): string {
  return Buffer.from(`id:${id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^id:(\d+)$/.exec(text);
  if (!match) throw badInput("after", `Invalid cursor "${cursor}"`);
  return Number(match[1]);
}

export function pageSize(first: number | undefined | null): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput("first", `first must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/** A page of nodes. totalCount is computed only when the client asks for it. */
export class Page<T> {
  constructor(
    public edges: Edge<T>[],
    public pageInfo: PageInfo,
    private readonly count: () => Promise<number>,
  ) {}
  totalCount(): Promise<number> {
    return this.count();
  }
}

/** Relay-style connection type for a node type: `{ edges { cursor node } pageInfo totalCount }`. */
export function ConnectionType<T extends object>(node: ClassType<T>, name = `${node.name}Connection`) {
  @ObjectType(`${node.name}Edge`)
  class EdgeType {
    @Field() cursor: string;
    @Field(() => node) node: T;
  }
  @ObjectType(name)
  class ConnectionClass extends Page<T> {
    @Field(() => [EdgeType]) override edges: Edge<T>[];
    @Field(() => PageInfo) override pageInfo: PageInfo;
    @Field(() => Int, { name: "totalCount" })
    totalCount(): Promise<number> {
      return super.totalCount();
    }
  }
  return ConnectionClass;
}

/**
 * Keyset pagination on the alias's `id` (ascending; descending with `newestFirst`). The query builder carries the
 * brand and filters; `fetch` reads the rows (default `getMany`; hot pages pass a lighter reader, src/db/hot-rows.ts).
 * A cursor is the row's id either way, so a newest-first page's first cursor also pages forwards.
 */
export async function paginate<T extends ObjectLiteral & { id: number }>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs & { newestFirst?: boolean | null },
  fetch: (qb: SelectQueryBuilder<T>) => Promise<T[]> = (q) => q.getMany(),
): Promise<Page<T>> {
  const limit = pageSize(args.first);
  const alias = qb.alias;
  const countQb = qb.clone();
  const desc = args.newestFirst === true;
  if (args.after) qb.andWhere(`${alias}.id ${desc ? "<" : ">"} :afterId`, { afterId: decodeCursor(args.after) });
  const rows = await fetch(qb.orderBy(`${alias}.id`, desc ? "DESC" : "ASC").limit(limit + 1));
  return keysetPage(rows, limit, () => countQb.getCount());
}

/** An edge whose cursor is encoded only when it is read (most pages select only the nodes). */
class KeysetEdge<T extends { id: number }> implements Edge<T> {
  constructor(readonly node: T) {}
  get cursor(): string {
    return encodeCursor(this.node.id);
  }
}

/** A page from rows read with `LIMIT first + 1` in keyset order (the extra row only tells that there is a next page). */
export function keysetPage<T extends { id: number }>(rows: T[], limit: number, count: () => Promise<number>): Page<T> {
  const hasNextPage = rows.length > limit;
  const n = hasNextPage ? limit : rows.length;
  const edges = new Array<Edge<T>>(n);
  for (let i = 0; i < n; i++) edges[i] = new KeysetEdge(rows[i]);
  return new Page(edges, { hasNextPage, endCursor: n ? encodeCursor(rows[n - 1].id) : null }, count);
}
