import { DataSource, EntityManager, In } from "typeorm";
import { InputProblems, badInput, notFound } from "../../api/errors";
import { groupByKey, oneByKey } from "../../api/batch";
import { PageArgs, paginate, Page } from "../../api/pagination";
import { isUniqueViolation } from "../../db/db-errors";
import { clean, currencyCode, optionalEmail, optionalText, requiredText } from "../../domain/input-rules";
import { Address } from "../../entities/address.entity";
import { Customer } from "../../entities/customer.entity";
import { validateAddress, addressFields } from "./address-rules";
import { AddressInput, CreateCustomerInput, CustomerFilter, UpdateCustomerInput } from "./customer.inputs";

export class CustomerService {
  constructor(private readonly ds: DataSource) {}

  list(brandId: number, filter: CustomerFilter | undefined, page: PageArgs): Promise<Page<Customer>> {
    const qb = this.ds.getRepository(Customer).createQueryBuilder("c").where("c.brandId = :brandId", { brandId });
    if (filter?.status) qb.andWhere("c.status = :status", { status: filter.status });
    if (filter?.hasAccountCode === true) qb.andWhere("c.accountCode IS NOT NULL");
    if (filter?.hasAccountCode === false) qb.andWhere("c.accountCode IS NULL");
    if (filter?.search) {
      qb.andWhere("(LOWER(c.name) LIKE :q OR LOWER(c.accountCode) LIKE :q)", { q: `%${filter.search.toLowerCase()}%` });
    }
    return paginate(qb, page);
  }

  async get(brandId: number, id: number): Promise<Customer> {
    const customer = await this.ds.getRepository(Customer).findOneBy({ id, brandId });
    if (!customer) throw notFound("Customer", id);
    return customer;
  }

  findByAccountCode(brandId: number, accountCode: string): Promise<Customer | null> {
    return this.ds.getRepository(Customer).findOneBy({ brandId, accountCode: accountCode.trim() });
  }

  /**
   * Many customers by account code in one statement (connectors matching a page of platform orders). Codes are
   * trimmed and compared ignoring case, like account codes are kept unique; the map is keyed by the
   * lower-cased trimmed code.
   */
  async findByAccountCodes(brandId: number, accountCodes: readonly string[], m: EntityManager = this.ds.manager): Promise<Map<string, Customer>> {
    const wanted = [...new Set(accountCodes.map((c) => c.trim().toLowerCase()).filter((c) => c !== ""))];
    if (!wanted.length) return new Map();
    const rows = await m.getRepository(Customer).createQueryBuilder("c")
      .where("c.brandId = :brandId", { brandId })
      .andWhere("LOWER(c.accountCode) IN (:...wanted)", { wanted })
      .getMany();
    return new Map(rows.map((c) => [c.accountCode!.toLowerCase(), c]));
  }

  /**
   * Adds addresses to a customer inside the caller's transaction (connectors importing orders). Every address is
   * validated first; bad input throws BAD_USER_INPUT and nothing is written.
   */
  async addAddressesWith(m: EntityManager, brandId: number, customerId: number, inputs: AddressInput[]): Promise<Address[]> {
    const p = new InputProblems();
    inputs.forEach((a, i) => validateAddress(p, `addresses[${i}]`, a));
    p.throwIfAny();
    if (!inputs.length) return [];
    const repo = m.getRepository(Address);
    const rows = inputs.map((a) => repo.create({ ...addressFields(a), isDefault: false, brandId, customerId }));
    await repo.insert(rows);
    return rows;
  }

  async create(brandId: number, input: CreateCustomerInput): Promise<Customer> {
    const p = new InputProblems();
    this.validateFields(p, input);
    (input.addresses ?? []).forEach((a, i) => validateAddress(p, `addresses[${i}]`, a));
    p.throwIfAny();
    const accountCode = clean(input.accountCode);
    if (accountCode) await this.assertAccountCodeFree(brandId, accountCode);
    return this.write(async (m) => {
      const customer = await m.getRepository(Customer).save(
        m.getRepository(Customer).create({
          brandId,
          name: input.name.trim(),
          accountCode,
          status: input.status ?? "ACTIVE",
          email: clean(input.email),
          phone: clean(input.phone),
          currency: input.currency ?? null,
        }),
      );
      for (const a of input.addresses ?? []) await this.insertAddress(m, brandId, customer.id, a);
      return customer;
    });
  }

  async update(brandId: number, input: UpdateCustomerInput, id: number): Promise<Customer> {
    const customer = await this.get(brandId, id);
    const p = new InputProblems();
    this.validateFields(p, { ...input, name: input.name ?? customer.name });
    p.throwIfAny();
    if (input.accountCode !== undefined) {
      const code = clean(input.accountCode);
      if (code && code !== customer.accountCode) await this.assertAccountCodeFree(brandId, code);
      customer.accountCode = code;
    }
    if (input.name !== undefined) customer.name = input.name.trim();
    if (input.status) customer.status = input.status;
    if (input.email !== undefined) customer.email = clean(input.email);
    if (input.phone !== undefined) customer.phone = clean(input.phone);
    if (input.currency !== undefined) customer.currency = input.currency;
    return this.write((m) => m.getRepository(Customer).save(customer));
  }

  async deactivate(brandId: number, id: number): Promise<Customer> {
    const customer = await this.get(brandId, id);
    customer.status = "INACTIVE";
    return this.ds.getRepository(Customer).save(customer);
  }

  async addAddress(brandId: number, customerId: number, input: AddressInput): Promise<Address> {
    await this.get(brandId, customerId);
    const p = new InputProblems();
    validateAddress(p, "address", input);
    p.throwIfAny();
    return this.ds.transaction((m) => this.insertAddress(m, brandId, customerId, input));
  }

  async updateAddress(brandId: number, id: number, input: AddressInput): Promise<Address> {
    const existing = await this.ds.getRepository(Address).findOneBy({ id, brandId });
    if (!existing) throw notFound("Address", id);
    const p = new InputProblems();
    validateAddress(p, "address", input);
    p.throwIfAny();
    return this.ds.transaction(async (m) => {
      if (input.isDefault) await this.clearDefault(m, existing.customerId, input.type);
      Object.assign(existing, addressFields(input), { isDefault: input.isDefault ?? existing.isDefault });
      return m.getRepository(Address).save(existing);
    });
  }

  async removeAddress(brandId: number, id: number): Promise<boolean> {
    const result = await this.ds.getRepository(Address).delete({ id, brandId });
    if (!result.affected) throw notFound("Address", id);
    return true;
  }

  /** Addresses of many customers in one query (DataLoader batch). */
  async addressesByCustomer(brandId: number, customerIds: readonly number[]): Promise<Address[][]> {
    const rows = await this.ds.getRepository(Address).find({
      where: { brandId, customerId: In([...customerIds]) },
      order: { id: "ASC" },
    });
    return groupByKey(customerIds, rows, (a) => a.customerId);
  }

  async byIds(brandId: number, ids: readonly number[]): Promise<(Customer | null)[]> {
    const rows = await this.ds.getRepository(Customer).findBy({ brandId, id: In([...ids]) });
    return oneByKey(ids, rows, (c) => c.id);
  }

  private async insertAddress(m: EntityManager, brandId: number, customerId: number, input: AddressInput): Promise<Address> {
    if (input.isDefault) await this.clearDefault(m, customerId, input.type);
    const repo = m.getRepository(Address);
    return repo.save(repo.create({ ...addressFields(input), isDefault: input.isDefault ?? false, brandId, customerId }));
  }

  private async clearDefault(m: EntityManager, customerId: number, type: string): Promise<void> {
    await m.getRepository(Address).update({ customerId, type: type as Address["type"], isDefault: true }, { isDefault: false });
  }

  private validateFields(p: InputProblems, input: Partial<CreateCustomerInput>): void {
    requiredText(p, "name", input.name, 200);
    optionalText(p, "accountCode", input.accountCode, 50);
    if (input.accountCode && !/^[\w\-./ ]+$/.test(input.accountCode.trim())) {
      p.add("accountCode", "may contain letters, digits, spaces and - _ . / only");
    }
    optionalEmail(p, "email", input.email);
    optionalText(p, "phone", input.phone, 50);
    currencyCode(p, "currency", input.currency);
  }

  private async assertAccountCodeFree(brandId: number, accountCode: string): Promise<void> {
    const taken = await this.ds.getRepository(Customer).existsBy({ brandId, accountCode });
    if (taken) throw badInput("accountCode", `Account code "${accountCode}" is already used by another customer`);
  }

  /** Runs a write in a transaction; a unique-key race becomes the same clear error as the pre-check. */
  private async write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.ds.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw badInput("accountCode", "Account code is already used by another customer");
      throw error;
    }
  }
}
