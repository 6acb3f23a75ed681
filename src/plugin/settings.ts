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
}

export type SettingsDeclaration = Record<string, SettingField>;

/** The settings object an operation receives: every field parsed by its schema (defaults applied). */
export type SettingsValues<S extends SettingsDeclaration> = { [K in keyof S]: z.output<S[K]["schema"]> };

/** Helpers for the common field kinds; any zod schema works too (`{ schema: z.enum([...]) }`). */
export const setting = {
  string: (o: { description?: string; optional?: boolean; default?: string } = {}) =>
    field(o.default !== undefined ? z.string().min(1).default(o.default) : o.optional ? z.string().min(1).optional() : z.string().min(1), o.description),
  url: (o: { description?: string; optional?: boolean; default?: string } = {}) =>
    field(o.default !== undefined ? z.string().url().default(o.default) : o.optional ? z.string().url().optional() : z.string().url(), o.description),
  secret: (o: { description?: string; optional?: boolean } = {}) => ({
    schema: o.optional ? z.string().min(1).optional() : z.string().min(1),
    description: o.description,
    secret: true as const,
  }),
  boolean: (o: { description?: string; default?: boolean } = {}) => field(z.boolean().default(o.default ?? false), o.description),
  int: (o: { description?: string; optional?: boolean; default?: number; min?: number; max?: number } = {}) => {
    let s = z.number().int();
    if (o.min !== undefined) s = s.min(o.min);
    if (o.max !== undefined) s = s.max(o.max);
    return field(o.default !== undefined ? s.default(o.default) : o.optional ? s.optional() : s, o.description);
  },
  stringList: (o: { description?: string } = {}) => field(z.array(z.string().min(1)).default([]), o.description),
};

function field<T extends z.ZodType>(schema: T, description?: string): SettingField<T> {
  return { schema, description };
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
    case "string": return "STRING";
    case "boolean": return "BOOLEAN";
    case "number": return "NUMBER";
    case "array": return "LIST";
    case "object": return "OBJECT";
    case "enum": return "ENUM";
    default: return probe("x") ? "STRING" : "ANY";
  }
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
    const r = f.schema.safeParse(stored[key] === null ? undefined : stored[key]);
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
