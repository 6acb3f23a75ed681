import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const PREFIX = "enc:v1:";

/**
 * AES-256-GCM for connector secrets at rest. The key is derived from SELVEDGE_SECRET_KEY with HKDF-SHA256;
 * each value gets a random 96-bit IV and is bound to its brand, connector and field (AAD), so a ciphertext
 * copied to another row does not decrypt.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secretKey: string) {
    this.key = Buffer.from(hkdfSync("sha256", Buffer.from(secretKey, "utf8"), Buffer.alloc(0), "selvedge connector settings v1", 32));
  }

  encrypt(plain: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return PREFIX + [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
  }

  decrypt(sealed: string, context: string): string {
    if (!SecretBox.isSealed(sealed)) throw new Error("Not an encrypted value");
    const [iv, tag, body] = sealed
      .slice(PREFIX.length)
      .split(".")
      .map((p) => Buffer.from(p, "base64url"));
    const decipher = createDecipheriv("aes-256-gcm", this.key, iv);
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
    } catch {
      throw new Error("A stored secret cannot be decrypted: was SELVEDGE_SECRET_KEY changed?");
    }
  }

  static isSealed(value: unknown): value is string {
    return typeof value === "string" && value.startsWith(PREFIX);
  }
}
