import type { Role } from "../entities/user.entity";

/** Who is calling: a user of one brand, through one token. */
export interface Principal {
  brandId: number;
  userId: number;
  tokenId: number;
  role: Role;
}
