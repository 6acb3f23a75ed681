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
    // Only regular files are media: a directory (brand-1/), a socket or a device is "not found".
    // The file is opened first and the stream reads from that descriptor, so what was checked is what is read.
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(file, fs.constants.O_RDONLY);
    } catch {
      return null;
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) {
        await handle.close();
        return null;
      }
      const stream = handle.createReadStream({ autoClose: true });
      return { stream, contentType: CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream", size: stat.size };
    } catch {
      await handle.close().catch(() => undefined);
      return null;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }
}
