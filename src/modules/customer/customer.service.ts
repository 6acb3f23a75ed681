import { In } from "typeorm";
import type { BrandScope } from "../../db/brand-scope";
import { InputProblems, badInput, notFound } from "../../api/errors";
import { groupByKey, oneByKey } from "../../api/batch";
import { PageArgs, paginate, Page } from "../../api/pagination";
import { isUniqueViolation } from "../../db/db-errors";
import { clean, currencyCode, optionalEmail, optionalText, requiredText } from "../../domain/input-rules";
import { containsPattern } from "../../domain/like-pattern";
import { Address } from "../../entities/address.entity";
import { Customer, accountCodeKey } from "../../entities/customer.entity";
import { validateAddress, addressFields } from "./address-rules";
import { AddressInput, CreateCustomerInput, CustomerFilter, UpdateCustomerInput } from "./customer.inputs";

/** Customers of the scope's brand and their addresses. */
export class CustomerService {
  list(scope: BrandScope, filter: CustomerFilter | undefined, page: PageArgs): Promise<Page<Customer>> {
    const qb = scope.repo(Customer).queryBuilder("c");
    if (filter?.status) qb.andWhere("c.status = :status", { status: filter.status });
    if (filter?.hasAccountCode === true) qb.andWhere("c.accountCode IS NOT NULL");
    if (filter?.hasAccountCode === false) qb.andWhere("c.accountCode IS NULL");
    if (filter?.search) {
      qb.andWhere("(LOWER(c.name) LIKE :q ESCAPE '!' OR LOWER(c.accountCode) LIKE :q ESCAPE '!')", { q: containsPattern(filter.search) });
    }
    return paginate(qb, page);
  }

  async get(scope: BrandScope, id: number): Promise<Customer> {
    const customer = await scope.repo(Customer).findOneBy({ id });
    if (!customer) throw notFound("Customer", id);
    return customer;
  }

  /** Finds a customer by account code, trimmed and ignoring case (the same rule on every database). */
  async findByAccountCode(scope: BrandScope, accountCode: string): Promise<Customer | null> {
    const key = accountCodeKey(accountCode);
    return key ? scope.repo(Customer).findOneBy({ accountCodeKey: key }) : null;
  }

  /** Many customers by account code (same rule), keyed by the normalised code: for order imports. */
  async byAccountCodes(scope: BrandScope, accountCodes: readonly string[]): Promise<Map<string, Customer>> {
    const keys = [...new Set(accountCodes.map(accountCodeKey).filter((k): k is string => !!k))];
    const rows = keys.length ? await scope.repo(Customer).findBy({ accountCodeKey: In(keys) }) : [];
    return new Map(rows.map((c) => [c.accountCodeKey!, c]));
  }

  /**
   * Many customers by account code in one statement (connectors matching a page of platform orders). Codes are
   * trimmed and compared ignoring case, like account codes are kept unique; the map is keyed by the
   * lower-cased trimmed code.
   */
  async findByAccountCodes(scope: BrandScope, accountCodes: readonly string[]): Promise<Map<string, Customer>> {
    const wanted = [...new Set(accountCodes.map((c) => c.trim().toLowerCase()).filter((c) => c !== ""))];
    if (!wanted.length) return new Map();
    const rows = await scope.repo(Customer).queryBuilder("c").andWhere("LOWER(c.accountCode) IN (:...wanted)", { wanted }).getMany();
    return new Map(rows.map((c) => [c.accountCode!.toLowerCase(), c]));
  }

  /**
   * Adds addresses to a customer in the scope's unit of work (connectors importing orders call it with the
   * scope of their transaction). Every address is
   * validated first; bad input throws BAD_USER_INPUT and nothing is written.
   */
  async addAddressesWith(scope: BrandScope, customerId: number, inputs: AddressInput[]): Promise<Address[]> {
    const p = new InputProblems();
    inputs.forEach((a, i) => validateAddress(p, `addresses[${i}]`, a));
    p.throwIfAny();
    if (!inputs.length) return [];
    const repo = scope.repo(Address);
    const rows = inputs.map((a) => repo.create({ ...addressFields(a), isDefault: false, customerId }));
    await repo.insert(rows);
    return rows;
  }

  async create(scope: BrandScope, input: CreateCustomerInput): Promise<Customer> {
    const p = new InputProblems();
    this.validateFields(p, input);
    (input.addresses ?? []).forEach((a, i) => validateAddress(p, `addresses[${i}]`, a));
    p.throwIfAny();
    const accountCode = clean(input.accountCode);
    if (accountCode) await this.assertAccountCodeFree(scope, accountCode);
    return this.write(scope, async (tx) => {
      const customer = await tx.repo(Customer).save(
        tx.repo(Customer).create({
          name: input.name.trim(),
          accountCode,
          accountCodeKey: accountCodeKey(accountCode),
          status: input.status ?? "ACTIVE",
          email: clean(input.email),
          phone: clean(input.phone),
          currency: input.currency ?? null,
        }),
      );
      for (const a of input.addresses ?? []) await this.insertAddress(tx, customer.id, a);
      return customer;
    });
  }

  async update(scope: BrandScope, input: UpdateCustomerInput, id: number): Promise<Customer> {
    const customer = await this.get(scope, id);
    const p = new InputProblems();
    this.validateFields(p, { ...input, name: input.name ?? customer.name });
    p.throwIfAny();
    if (input.accountCode !== undefined) {
      const code = clean(input.accountCode);
      if (code && accountCodeKey(code) !== customer.accountCodeKey) await this.assertAccountCodeFree(scope, code);
      customer.accountCode = code;
      customer.accountCodeKey = accountCodeKey(code);
    }
    if (input.name !== undefined) customer.name = input.name.trim();
    if (input.status) customer.status = input.status;
    if (input.email !== undefined) customer.email = clean(input.email);
    if (input.phone !== undefined) customer.phone = clean(input.phone);
    if (input.currency !== undefined) customer.currency = input.currency;
    return this.write(scope, (tx) => tx.repo(Customer).save(customer));
  }

  async deactivate(scope: BrandScope, id: number): Promise<Customer> {
    const customer = await this.get(scope, id);
    customer.status = "INACTIVE";
    return scope.repo(Customer).save(customer);
  }

  async addAddress(scope: BrandScope, customerId: number, input: AddressInput): Promise<Address> {
    await this.get(scope, customerId);
    const p = new InputProblems();
    validateAddress(p, "address", input);
    p.throwIfAny();
    return scope.transaction((tx) => this.insertAddress(tx, customerId, input));
  }

  async updateAddress(scope: BrandScope, id: number, input: AddressInput): Promise<Address> {
    const existing = await scope.repo(Address).findOneBy({ id });
    if (!existing) throw notFound("Address", id);
    const p = new InputProblems();
    validateAddress(p, "address", input);
    p.throwIfAny();
    return scope.transaction(async (tx) => {
      if (input.isDefault) await this.clearDefault(tx, existing.customerId, input.type);
      Object.assign(existing, addressFields(input), { isDefault: input.isDefault ?? existing.isDefault });
      return tx.repo(Address).save(existing);
    });
  }

  async removeAddress(scope: BrandScope, id: number): Promise<boolean> {
    const affected = await scope.repo(Address).delete({ id });
    if (!affected) throw notFound("Address", id);
    return true;
  }

  /** Addresses of many customers in one query (DataLoader batch). */
  async addressesByCustomer(scope: BrandScope, customerIds: readonly number[]): Promise<Address[][]> {
    const rows = await scope.repo(Address).find({
      where: { customerId: In([...customerIds]) },
      order: { id: "ASC" },
    });
    return groupByKey(customerIds, rows, (a) => a.customerId);
  }

  async byIds(scope: BrandScope, ids: readonly number[]): Promise<(Customer | null)[]> {
    const rows = await scope.repo(Customer).findBy({ id: In([...ids]) });
    return oneByKey(ids, rows, (c) => c.id);
  }

  private async insertAddress(scope: BrandScope, customerId: number, input: AddressInput): Promise<Address> {
    if (input.isDefault) await this.clearDefault(scope, customerId, input.type);
    const repo = scope.repo(Address);
    return repo.save(repo.create({ ...addressFields(input), isDefault: input.isDefault ?? false, customerId }));
  }

  private async clearDefault(scope: BrandScope, customerId: number, type: string): Promise<void> {
    await scope.repo(Address).update({ customerId, type: type as Address["type"], isDefault: true }, { isDefault: false });
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

  private async assertAccountCodeFree(scope: BrandScope, accountCode: string): Promise<void> {
    const taken = await scope.repo(Customer).exists({ accountCodeKey: accountCodeKey(accountCode)! });
    if (taken) throw badInput("accountCode", `Account code "${accountCode}" is already used by another customer`);
  }

  /** Runs a write in a transaction; a unique-key race becomes the same clear error as the pre-check. */
  private async write<T>(scope: BrandScope, work: (tx: BrandScope) => Promise<T>): Promise<T> {
    try {
      return await scope.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw badInput("accountCode", "Account code is already used by another customer");
      throw error;
    }
  }
}
