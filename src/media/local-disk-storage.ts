import fs from "node:fs";
import path from "node:path";
import { MediaStorage } from "./media-storage";

const CONTENT_TYPES: Record<string, string> = { ".jpg": "image/jpeg", ".png": "image/png", ".webp": "image/webp" };

/** Stores files under a directory; keys are relative paths made by the server (never user input). */
export class LocalDiskStorage implements MediaStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    const resolved = path.resolve(this.root, key);
    if (!resolved.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`Invalid media key "${key}"`);
    return resolved;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, data);
    await fs.promises.rename(tmp, file);
  }

  async get(key: string) {
    let file: string;
    try {
      file = this.pathOf(key);
    } catch {
      return null;
    }
    try {
      const stat = await fs.promises.stat(file);
      return { stream: fs.createReadStream(file), contentType: CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream", size: stat.size };
    } catch {
      return null;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }
}
