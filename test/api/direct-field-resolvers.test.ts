import "reflect-metadata";
import { graphql, GraphQLSchema } from "graphql";
import {
  Arg,
  Authorized,
  buildSchema,
  Ctx,
  Field,
  FieldResolver,
  InputType,
  MiddlewareFn,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from "type-graphql";
import { resolverContainer, useDirectFieldResolvers } from "../../src/api/direct-field-resolvers";

@ObjectType()
class Thing {
  @Field() name: string;

  @Field(() => String, { name: "shout" })
  shoutName(): string {
    return `${this.name.toUpperCase()}:${this instanceof Thing}`;
  }
}

@InputType()
class Suffix {
  @Field() text: string;
}

const seen: string[] = [];
const recordMiddleware: MiddlewareFn = async (_data, next) => {
  seen.push("middleware");
  return next();
};

@Resolver(() => Thing)
class ThingResolver {
  private readonly prefix = "p:";

  @Query(() => Thing)
  thing(): Thing {
    return Object.assign(new Thing(), { name: "a" });
  }

  @Query(() => Thing, { description: "A plain object, not a Thing instance" })
  plainThing(): Thing {
    return { name: "b" } as Thing;
  }

  @FieldResolver(() => String)
  label(@Root() thing: Thing, @Ctx() ctx: { who: string }, @Arg("sep", () => String, { nullable: true }) sep?: string): string {
    return `${this.prefix}${thing.name}${sep ?? "-"}${ctx.who}:${thing instanceof Thing}`;
  }

  @Authorized("ADMIN")
  @FieldResolver(() => String)
  secret(): string {
    return "secret";
  }

  @UseMiddleware(recordMiddleware)
  @FieldResolver(() => String)
  watched(@Root() thing: Thing): string {
    return thing.name;
  }

  @FieldResolver(() => String)
  suffixed(@Root() thing: Thing, @Arg("suffix", () => Suffix) suffix: Suffix): string {
    return `${thing.name}${suffix.text}:${suffix instanceof Suffix}`;
  }
}

describe("direct field resolvers (type-graphql's per-call wrapper bypassed where it adds nothing)", () => {
  let schema: GraphQLSchema;
  let replaced: number;
  beforeAll(async () => {
    const container = resolverContainer();
    schema = await buildSchema({ resolvers: [ThingResolver], authChecker: () => false, validate: false, container });
    replaced = useDirectFieldResolvers(schema, [ThingResolver], container);
  });
  const run = (source: string) => graphql({ schema, source, contextValue: { who: "me" } });

  it("replaces only resolvers without roles, middlewares or input-object arguments, and the type's own methods", () => {
    expect(replaced).toBe(2);
  });

  it("a replaced resolver gets its root, context and arguments, on the same resolver instance", async () => {
    const result = await run(`{ thing { a: label b: label(sep: "/") shout } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ thing: { a: "p:a-me:true", b: "p:a/me:true", shout: "A:true" } });
  });

  it("a root that is not an instance of its class goes through type-graphql (converted as before)", async () => {
    const result = await run(`{ plainThing { label shout } }`);
    expect(result.data).toEqual({ plainThing: { label: "p:b-me:true", shout: "B:true" } });
  });

  it("roles, middlewares and input objects still apply", async () => {
    seen.length = 0;
    const result = await run(`{ thing { watched suffixed(suffix: { text: "!" }) secret } }`);
    expect(seen).toEqual(["middleware"]);
    expect(result.data).toEqual(null);
    expect(result.errors?.[0].path).toEqual(["thing", "secret"]);
    const allowed = await run(`{ thing { watched suffixed(suffix: { text: "!" }) } }`);
    expect(allowed.data).toEqual({ thing: { watched: "a", suffixed: "a!:true" } });
  });
});
