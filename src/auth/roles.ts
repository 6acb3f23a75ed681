import type { Role } from "../entities/user.entity";

export const ROLES: Role[] = ["VIEWER", "EDITOR", "ADMIN"];

/** ADMIN can do everything an EDITOR can, an EDITOR everything a VIEWER can. */
export function roleSatisfies(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

export function isRole(value: string): value is Role {
  return (ROLES as string[]).includes(value);
}
