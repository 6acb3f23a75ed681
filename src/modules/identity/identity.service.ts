import { EntityManager, In, IsNull } from "typeorm";
import type { BrandScope } from "../../db/brand-scope";
import { isUniqueViolation } from "../../db/db-errors";
import { SystemData } from "../../db/system-data";
import { AccessChanges } from "../../auth/revocations";
import { InputProblems, badInput, notFound } from "../../api/errors";
import { oneByKey } from "../../api/batch";
import { generateToken, hashToken, tokenDisplayPrefix } from "../../auth/token-hash";
import { isRole } from "../../auth/roles";
import { optionalEmail, requiredText } from "../../domain/input-rules";
import { ApiToken } from "../../entities/api-token.entity";
import { Brand } from "../../entities/brand.entity";
import { Role, User } from "../../entities/user.entity";

/** The core's own brand modules; installed plugins add theirs (PluginRegistry.modules()). */
export const CORE_MODULES: readonly string[] = ["inventory"];

/**
 * Brands, users and tokens: used by the API, the CLI and the first-start bootstrap. Brand administration is
 * system-level (a brand is created before any scope exists), so it works through SystemData; users and tokens
 * are brand-owned and go through the BrandScope the caller gives.
 */
export class IdentityService {
  constructor(
    private readonly system: SystemData,
    /** Told about every revocation, deactivation and role change (open graphql-ws connections listen). */
    readonly accessChanges: AccessChanges = new AccessChanges(),
    /** The modules a brand may enable: the core's and the installed plugins' (the composition root passes them). */
    readonly knownModules: readonly string[] = CORE_MODULES,
  ) {}

  async createBrand(name: string, slug: string, modules: string[] = [], m: EntityManager = this.system.manager): Promise<Brand> {
    const p = new InputProblems();
    requiredText(p, "name", name, 200);
    p.check(/^[a-z0-9-]{2,64}$/.test(slug), "slug", "must be 2-64 lower-case letters, digits or dashes");
    this.checkModules(p, modules);
    p.throwIfAny();
    if (await m.getRepository(Brand).existsBy({ slug })) throw badInput("slug", `Brand slug "${slug}" is taken`);
    return m.getRepository(Brand).save(m.getRepository(Brand).create({ name: name.trim(), slug, modules }));
  }

  listBrands(): Promise<Brand[]> {
    return this.system.repo(Brand).find({ order: { id: "ASC" } });
  }

  async brandBySlug(slug: string): Promise<Brand> {
    const brand = await this.system.repo(Brand).findOneBy({ slug });
    if (!brand) throw badInput("brand", `No brand with slug "${slug}"`);
    return brand;
  }

  async brand(brandId: number): Promise<Brand> {
    const brand = await this.system.repo(Brand).findOneBy({ id: brandId });
    if (!brand) throw notFound("Brand", brandId);
    return brand;
  }

  async setModules(brandId: number, modules: string[]): Promise<Brand> {
    const p = new InputProblems();
    this.checkModules(p, modules);
    p.throwIfAny();
    const brand = await this.brand(brandId);
    brand.modules = [...new Set(modules)].sort();
    return this.system.repo(Brand).save(brand);
  }

  async hasModule(brandId: number, module: string): Promise<boolean> {
    return (await this.brand(brandId)).modules.includes(module);
  }

  /** A scope for a brand an administrator named (CLI, first start). */
  scopeFor(brandId: number): BrandScope {
    return this.system.scopeFor(brandId);
  }

  listUsers(scope: BrandScope): Promise<User[]> {
    return scope.repo(User).find({ order: { id: "ASC" } });
  }

  async user(scope: BrandScope, id: number): Promise<User> {
    const user = await scope.repo(User).findOneBy({ id });
    if (!user) throw notFound("User", id);
    return user;
  }

  async usersByIds(scope: BrandScope, ids: readonly number[]): Promise<(User | null)[]> {
    return oneByKey(ids, await scope.repo(User).findBy({ id: In([...ids]) }), (u) => u.id);
  }

  async createUser(scope: BrandScope, input: { name: string; email: string; role: string }): Promise<User> {
    const p = new InputProblems();
    requiredText(p, "name", input.name, 200);
    requiredText(p, "email", input.email, 254);
    optionalEmail(p, "email", input.email);
    p.check(isRole(input.role), "role", "must be ADMIN, EDITOR or VIEWER");
    p.throwIfAny();
    const email = input.email.trim().toLowerCase();
    if (await scope.repo(User).exists({ email })) throw badInput("email", `A user with email ${email} exists`);
    return scope.repo(User).save(scope.repo(User).create({ name: input.name.trim(), email, role: input.role as Role, active: true }));
  }

  async updateUser(scope: BrandScope, id: number, input: { name?: string; email?: string; role?: string; active?: boolean }): Promise<User> {
    const user = await this.user(scope, id);
    const p = new InputProblems();
    if (input.name !== undefined) requiredText(p, "name", input.name, 200);
    if (input.email !== undefined) optionalEmail(p, "email", input.email);
    if (input.role !== undefined) p.check(isRole(input.role), "role", "must be ADMIN, EDITOR or VIEWER");
    p.throwIfAny();
    if (input.email !== undefined) {
      const email = input.email.trim().toLowerCase();
      if (email !== user.email && (await scope.repo(User).exists({ email }))) {
        throw badInput("email", `A user with email ${email} exists`);
      }
      user.email = email;
    }
    if (input.name !== undefined) user.name = input.name.trim();
    const accessChanged = (input.role !== undefined && input.role !== user.role) || (input.active !== undefined && input.active !== user.active);
    const deactivated = input.active === false && user.active;
    if (input.role !== undefined) user.role = input.role as Role;
    if (input.active !== undefined) user.active = input.active;
    const saved = await scope.transaction(async (tx) => {
      // Deactivation revokes every token of the user: re-activating the user later does not bring them back.
      if (deactivated) await tx.repo(ApiToken).update({ userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
      return tx.repo(User).save(user);
    });
    if (accessChanged) this.accessChanges.notify({ userId: user.id });
    return saved;
  }

  async createToken(scope: BrandScope, userId: number, name: string, token = generateToken()): Promise<{ token: string; apiToken: ApiToken }> {
    const p = new InputProblems();
    requiredText(p, "name", name, 100);
    p.check(token.length >= 16, "token", "must be at least 16 characters");
    p.throwIfAny();
    const user = await scope.repo(User).findOneBy({ id: userId });
    if (!user) throw notFound("User", userId, "userId");
    const repo = scope.repo(ApiToken);
    // a token hash is unique across brands: the unique key decides (another brand's tokens are not read)
    const apiToken = await repo
      .save(repo.create({ userId, name: name.trim(), tokenHash: hashToken(token), prefix: tokenDisplayPrefix(token) }))
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? badInput("token", "This token is already registered") : error;
      });
    return { token, apiToken };
  }

  listTokens(scope: BrandScope): Promise<ApiToken[]> {
    return scope.repo(ApiToken).find({ order: { id: "ASC" } });
  }

  async revokeToken(scope: BrandScope, id: number): Promise<ApiToken> {
    const token = await scope.repo(ApiToken).findOneBy({ id });
    if (!token) throw notFound("ApiToken", id);
    if (!token.revokedAt) {
      token.revokedAt = new Date();
      await scope.repo(ApiToken).save(token);
    }
    this.accessChanges.notify({ tokenId: token.id });
    return token;
  }

  private checkModules(p: InputProblems, modules: string[]): void {
    for (const mod of modules) p.check(this.knownModules.includes(mod), "modules", `Unknown module "${mod}" (known: ${this.knownModules.join(", ")})`);
  }
}
