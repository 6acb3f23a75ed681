import { Readable } from "node:stream";

/** Where image files live. The default keeps them on local disk; another store (S3, …) implements the same. */
export interface MediaStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** A readable stream of the file, or null when it does not exist. */
  get(key: string): Promise<{ stream: Readable; contentType: string; size: number } | null>;
  delete(key: string): Promise<void>;
}
