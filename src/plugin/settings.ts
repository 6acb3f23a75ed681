import { z } from "zod";

/**
 * A plugin's settings, declared field by field. Each field has a zod schema (which decides what is valid and
 * whether the field is required: a field is required when its schema refuses `undefined`), an optional
 * description, and `secret: true` for credentials (encrypted at rest, write-only in the API).
 */
export interface SettingField<T extends z.ZodType = z.ZodType> {
  schema: T;
  description?: string;
  secret?: boolean;
  /**
   * A check that needs the database (e.g. "this season id belongs to the brand"), run after the schema
   * accepted the value, before anything is written: an error message, or null when the value is fine.
   */
  check?(value: z.output<T>, host: SettingCheckHost): Promise<string | null> | string | null;
}

/** What a setting's `check` can use: the brand whose settings are written, as a scoped data handle. */
export interface SettingCheckHost {
  data: import("../db/brand-scope").BrandScope;
  brandId: number;
}

export type SettingsDeclaration = Record<string, SettingField>;

/** The settings object an operation receives: every field parsed by its schema (defaults applied). */
export type SettingsValues<S extends SettingsDeclaration> = { [K in keyof S]: z.output<S[K]["schema"]> };

interface FieldOptions<T> {
  description?: string;
  /** Not required (undefined when unset). */
  optional?: boolean;
  /** Value used when unset (makes the field not required). */
  default?: T;
}

type Wrapped<S extends z.ZodType, O> = O extends { default: unknown } ? z.ZodDefault<S> : O extends { optional: true } ? z.ZodOptional<S> : S;

function wrap<S extends z.ZodType, O extends FieldOptions<z.input<S>>>(schema: S, o: O): SettingField<Wrapped<S, O>> {
  const o2 = o as FieldOptions<unknown>;
  const wrapped = o2.default !== undefined ? (schema as unknown as z.ZodNumber).default(o2.default as never) : o2.optional ? schema.optional() : schema;
  return { schema: wrapped as unknown as Wrapped<S, O>, description: o.description };
}

/** Helpers for the common field kinds; any zod schema works too (`{ schema: z.enum([...]) }`). */
/* eslint-disable @typescript-eslint/no-empty-object-type -- `{}` is the "no options given" default of the option type parameters */
export const setting = {
  string: <O extends FieldOptions<string> = {}>(o: O = {} as O) => wrap(z.string().min(1), o),
  url: <O extends FieldOptions<string> = {}>(o: O = {} as O) => wrap(z.string().url(), o),
  /** A credential: encrypted at rest, write-only in the API. */
  secret: <O extends Omit<FieldOptions<string>, "default"> = {}>(o: O = {} as O) => ({ ...wrap(z.string().min(1), o), secret: true as const }),
  boolean: <O extends FieldOptions<boolean> = { default: false }>(o: O = { default: false } as O) =>
    wrap(z.boolean(), (o.default === undefined && !o.optional ? { ...o, default: false } : o) as O),
  int: <O extends FieldOptions<number> & { min?: number; max?: number } = {}>(o: O = {} as O) => {
    let s = z.number().int();
    if (o.min !== undefined) s = s.min(o.min);
    if (o.max !== undefined) s = s.max(o.max);
    return wrap(s, o);
  },
  stringList: <O extends FieldOptions<string[]> = { default: [] }>(o: O = { default: [] } as unknown as O) =>
    wrap(z.array(z.string().min(1)), (o.default === undefined && !o.optional ? { ...o, default: [] } : o) as O),
};
/* eslint-enable @typescript-eslint/no-empty-object-type */

/** The declared field named `key`, looked up among the declaration's own keys only (never "constructor", "__proto__"). */
export function ownSetting(decl: SettingsDeclaration, key: string): SettingField | undefined {
  return Object.hasOwn(decl, key) ? decl[key] : undefined;
}

export function isRequired(f: SettingField): boolean {
  return !f.schema.safeParse(undefined).success;
}

/** A short type name for the API (STRING, BOOLEAN, NUMBER, LIST, OBJECT, ENUM, ANY). */
export function settingKind(f: SettingField): string {
  const probe = (v: unknown) => f.schema.safeParse(v).success;
  const def = (f.schema as unknown as { def?: { type?: string; innerType?: { def?: { type?: string } } } }).def;
  let type = def?.type;
  if ((type === "optional" || type === "default" || type === "nullable") && def?.innerType?.def?.type) type = def.innerType.def.type;
  switch (type) {
    case "string":
      return isUrlField(f) ? "URL" : "STRING";
    case "boolean":
      return "BOOLEAN";
    case "number":
      return "NUMBER";
    case "array":
      return "LIST";
    case "object":
      return "OBJECT";
    case "enum":
      return "ENUM";
    default:
      return probe("x") ? "STRING" : "ANY";
  }
}

/** A string field that accepts an absolute URL but not plain text (setting.url, or any zod `.url()` string). */
function isUrlField(f: SettingField): boolean {
  const probe = (v: unknown) => f.schema.safeParse(v).success;
  return !probe("x") && !probe("not a url") && probe("https://example.test/path");
}

/** The value used when none is stored: what the schema makes of "unset" (undefined when the field has no default). */
export function settingDefault(f: SettingField): unknown {
  const r = f.schema.safeParse(undefined);
  return r.success ? r.data : undefined;
}

export interface SettingsCheck<S extends SettingsDeclaration> {
  complete: boolean;
  /** Fields that are required but missing or invalid. */
  missing: string[];
  values?: SettingsValues<S>;
}

/** Parses stored (decrypted) values against the declaration: complete, or which fields are missing/invalid. */
export function checkSettings<S extends SettingsDeclaration>(decl: S, stored: Record<string, unknown>): SettingsCheck<S> {
  const missing: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, f] of Object.entries(decl)) {
    const value = Object.hasOwn(stored, key) ? stored[key] : undefined;
    const r = f.schema.safeParse(value === null ? undefined : value);
    if (r.success) values[key] = r.data;
    else missing.push(key);
  }
  return missing.length ? { complete: false, missing } : { complete: true, missing, values: values as SettingsValues<S> };
}

/** Validates one value for the API; returns an error message or null. */
export function validateSettingValue(f: SettingField, value: unknown): string | null {
  const r = f.schema.safeParse(value);
  if (r.success) return null;
  return r.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ` : "") + i.message).join("; ");
}
