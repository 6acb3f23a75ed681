import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { RequestContext, brandOf, principalOf } from "../../api/context";
import { parseId } from "../../api/ids";
import { ApiToken } from "../../entities/api-token.entity";
import { Brand } from "../../entities/brand.entity";
import { User } from "../../entities/user.entity";
import { CreateUserInput, CreatedApiToken, UpdateUserInput } from "./identity.inputs";

@Resolver()
export class IdentityResolver {
  @Authorized()
  @Query(() => User, { description: "The user behind the current token" })
  viewer(@Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.identity.user(ctx.scope, principalOf(ctx).userId);
  }

  @Authorized()
  @Query(() => Brand, { description: "The current token's brand" })
  brand(@Ctx() ctx: RequestContext): Promise<Brand> {
    return ctx.services.identity.brand(brandOf(ctx));
  }

  @Authorized("ADMIN")
  @Mutation(() => Brand, { description: "Enables exactly these optional modules (inventory, joor, …)" })
  setBrandModules(@Arg("modules", () => [String]) modules: string[], @Ctx() ctx: RequestContext): Promise<Brand> {
    return ctx.services.identity.setModules(brandOf(ctx), modules);
  }

  @Authorized()
  @Query(() => [User])
  users(@Ctx() ctx: RequestContext): Promise<User[]> {
    return ctx.services.identity.listUsers(ctx.scope);
  }

  @Authorized("ADMIN")
  @Mutation(() => User)
  createUser(@Arg("input") input: CreateUserInput, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.identity.createUser(ctx.scope, input);
  }

  @Authorized("ADMIN")
  @Mutation(() => User)
  updateUser(@Arg("input") input: UpdateUserInput, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.identity.updateUser(ctx.scope, parseId(input.id), input);
  }

  @Authorized("ADMIN")
  @Mutation(() => User, {
    description:
      "Deactivates a user and revokes all their tokens (re-activating the user does not restore them: create new tokens); open subscriptions of those tokens are closed",
  })
  deactivateUser(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.identity.updateUser(ctx.scope, parseId(id), { active: false });
  }

  @Authorized("ADMIN")
  @Query(() => [ApiToken])
  apiTokens(@Ctx() ctx: RequestContext): Promise<ApiToken[]> {
    return ctx.services.identity.listTokens(ctx.scope);
  }

  @Authorized("ADMIN")
  @Mutation(() => CreatedApiToken)
  createApiToken(@Arg("userId", () => ID) userId: string, @Arg("name") name: string, @Ctx() ctx: RequestContext): Promise<CreatedApiToken> {
    return ctx.services.identity.createToken(ctx.scope, parseId(userId, "userId"), name);
  }

  @Authorized("ADMIN")
  @Mutation(() => ApiToken)
  revokeApiToken(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ApiToken> {
    return ctx.services.identity.revokeToken(ctx.scope, parseId(id));
  }
}

@Resolver(() => User)
export class UserFieldsResolver {
  @FieldResolver(() => String, { nullable: true, description: "The user's e-mail address: shown to ADMINs and to the user themself, null for everyone else" })
  email(@Root() user: User, @Ctx() ctx: RequestContext): string | null {
    const p = ctx.principal;
    return p && p.brandId === user.brandId && (p.role === "ADMIN" || p.userId === user.id) ? user.email : null;
  }
}
