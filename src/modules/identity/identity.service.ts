import { EntityManager, In, IsNull } from "typeorm";
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
 * Brands, users and tokens: used by the API, the CLI and the first-start bootstrap. Brand administration and
 * the token registry are system-level (a brand is created before any scope exists; a token hash is unique across
 * brands), so this service works through SystemData; every per-brand method still filters on its brand.
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

  listUsers(brandId: number): Promise<User[]> {
    return this.system.repo(User).find({ where: { brandId }, order: { id: "ASC" } });
  }

  async user(brandId: number, id: number): Promise<User> {
    const user = await this.system.repo(User).findOneBy({ id, brandId });
    if (!user) throw notFound("User", id);
    return user;
  }

  async usersByIds(brandId: number, ids: readonly number[]): Promise<(User | null)[]> {
    return oneByKey(ids, await this.system.repo(User).findBy({ brandId, id: In([...ids]) }), (u) => u.id);
  }

  async createUser(brandId: number, input: { name: string; email: string; role: string }, m: EntityManager = this.system.manager): Promise<User> {
    const p = new InputProblems();
    requiredText(p, "name", input.name, 200);
    requiredText(p, "email", input.email, 254);
    optionalEmail(p, "email", input.email);
    p.check(isRole(input.role), "role", "must be ADMIN, EDITOR or VIEWER");
    p.throwIfAny();
    const email = input.email.trim().toLowerCase();
    if (await m.getRepository(User).existsBy({ brandId, email })) throw badInput("email", `A user with email ${email} exists`);
    return m.getRepository(User).save(m.getRepository(User).create({ brandId, name: input.name.trim(), email, role: input.role as Role, active: true }));
  }

  async updateUser(brandId: number, id: number, input: { name?: string; email?: string; role?: string; active?: boolean }): Promise<User> {
    const user = await this.user(brandId, id);
    const p = new InputProblems();
    if (input.name !== undefined) requiredText(p, "name", input.name, 200);
    if (input.email !== undefined) optionalEmail(p, "email", input.email);
    if (input.role !== undefined) p.check(isRole(input.role), "role", "must be ADMIN, EDITOR or VIEWER");
    p.throwIfAny();
    if (input.email !== undefined) {
      const email = input.email.trim().toLowerCase();
      if (email !== user.email && (await this.system.repo(User).existsBy({ brandId, email }))) {
        throw badInput("email", `A user with email ${email} exists`);
      }
      user.email = email;
    }
    if (input.name !== undefined) user.name = input.name.trim();
    const accessChanged = (input.role !== undefined && input.role !== user.role) || (input.active !== undefined && input.active !== user.active);
    const deactivated = input.active === false && user.active;
    if (input.role !== undefined) user.role = input.role as Role;
    if (input.active !== undefined) user.active = input.active;
    const saved = await this.system.transaction(async (m) => {
      // Deactivation revokes every token of the user: re-activating the user later does not bring them back.
      if (deactivated) await m.getRepository(ApiToken).update({ userId: user.id, brandId, revokedAt: IsNull() }, { revokedAt: new Date() });
      return m.getRepository(User).save(user);
    });
    if (accessChanged) this.accessChanges.notify({ userId: user.id });
    return saved;
  }

  async createToken(brandId: number, userId: number, name: string, m: EntityManager = this.system.manager, token = generateToken()): Promise<{ token: string; apiToken: ApiToken }> {
    const p = new InputProblems();
    requiredText(p, "name", name, 100);
    p.check(token.length >= 16, "token", "must be at least 16 characters");
    p.throwIfAny();
    const user = await m.getRepository(User).findOneBy({ id: userId, brandId });
    if (!user) throw notFound("User", userId, "userId");
    const repo = m.getRepository(ApiToken);
    if (await repo.existsBy({ tokenHash: hashToken(token) })) throw badInput("token", "This token is already registered");
    const apiToken = await repo.save(repo.create({ brandId, userId, name: name.trim(), tokenHash: hashToken(token), prefix: tokenDisplayPrefix(token) }));
    return { token, apiToken };
  }

  listTokens(brandId: number): Promise<ApiToken[]> {
    return this.system.repo(ApiToken).find({ where: { brandId }, order: { id: "ASC" } });
  }

  async revokeToken(brandId: number, id: number): Promise<ApiToken> {
    const token = await this.system.repo(ApiToken).findOneBy({ id, brandId });
    if (!token) throw notFound("ApiToken", id);
    if (!token.revokedAt) {
      token.revokedAt = new Date();
      await this.system.repo(ApiToken).save(token);
    }
    this.accessChanges.notify({ tokenId: token.id });
    return token;
  }

  private checkModules(p: InputProblems, modules: string[]): void {
    for (const mod of modules) p.check(this.knownModules.includes(mod), "modules", `Unknown module "${mod}" (known: ${this.knownModules.join(", ")})`);
  }
}
