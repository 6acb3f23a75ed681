import { AuthChecker } from "type-graphql";
import { roleSatisfies } from "../auth/roles";
import type { Role } from "../entities/user.entity";
import { RequestContext } from "./context";
import { forbidden, unauthenticated } from "./errors";

/**
 * `@Authorized()` = any authenticated user (VIEWER and up); `@Authorized("EDITOR")` = EDITOR or ADMIN.
 * Missing token → UNAUTHENTICATED, insufficient role → FORBIDDEN.
 */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  const principal = context.principal;
  if (!principal) throw unauthenticated();
  const required: Role = roles[0] ?? "VIEWER";
  if (!roleSatisfies(principal.role, required)) {
    throw forbidden(`This operation needs the ${required} role; your token has ${principal.role}`);
  }
  return true;
};
