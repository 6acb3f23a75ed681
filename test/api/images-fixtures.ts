import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { AddressInfo } from "node:net";
import sharp from "sharp";
import { Product } from "../../src/entities/product.entity";
import { ProductImage } from "../../src/entities/product-image.entity";
import { GraphQLResponse } from "../harness/graphql-client";
import { TestServer } from "../harness/test-server";

export const ATTACH = `mutation($p: ID!, $pos: Int!, $file: Upload, $url: String) {
  attachProductImage(productId: $p, position: $pos, file: $file, url: $url) { id position width height contentType byteSize checksum url } }`;
export const REMOVE = `mutation($id: ID!) { removeProductImage(id: $id) }`;
export const PRODUCT_IMAGES = `query($id: ID!) { product(id: $id) { id images { id position width height contentType url } } }`;

export const png = (width: number, height: number, background = { r: 200, g: 30, b: 30 }) =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
export const jpeg = (width: number, height: number, background = "#336699") =>
  sharp({ create: { width, height, channels: 3, background } })
    .jpeg()
    .toBuffer();
export const dataUrl = (buf: Buffer, type = "image/png") => `data:${type};base64,${buf.toString("base64")}`;

export async function createProduct(s: TestServer, styleNumber: string, brandId = s.brandId): Promise<Product> {
  return s.app.ds.getRepository(Product).save({ brandId, styleNumber, colourCode: "BLK", colourName: "Black", name: `Style ${styleNumber}`, active: true });
}

/** Every file under the media directory (relative paths), sorted. */
export function mediaFiles(s: TestServer): string[] {
  const dir = s.app.config.mediaDir;
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

/** The image rows and the media files, to prove that a refused request changed nothing. */
export async function storedState(s: TestServer) {
  const rows = await s.app.ds.getRepository(ProductImage).find({ order: { id: "ASC" } });
  return { rows: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })), files: mediaFiles(s) };
}

/** A GraphQL multipart request (operations, map, file) as a browser would send it. */
export async function uploadRequest(
  s: TestServer,
  token: string | null,
  vars: Record<string, unknown>,
  file: { data: Buffer; name: string; type?: string },
): Promise<GraphQLResponse> {
  const form = new FormData();
  form.append("operations", JSON.stringify({ query: ATTACH, variables: { ...vars, file: null } }));
  form.append("map", JSON.stringify({ "0": ["variables.file"] }));
  form.append("0", new Blob([new Uint8Array(file.data)], { type: file.type ?? "application/octet-stream" }), file.name);
  const headers: Record<string, string> = { "apollo-require-preflight": "true" };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${s.url}/graphql`, { method: "POST", headers, body: form });
  return (await res.json()) as GraphQLResponse;
}

export interface ImageHost {
  url: string;
  close(): Promise<void>;
}

/** A tiny web server that images are fetched from: good files, errors, oversized and dropped bodies, a stall. */
export async function startImageHost(files: Record<string, { data: Buffer; type: string }>, maxBytes = 0): Promise<ImageHost> {
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    const file = files[req.url ?? ""];
    if (file) {
      res.writeHead(200, { "content-type": file.type, "content-length": String(file.data.length) }).end(file.data);
    } else if (req.url === "/redirect") {
      res.writeHead(302, { location: "/photo.jpg" }).end();
    } else if (req.url === "/text") {
      res.writeHead(200, { "content-type": "text/plain" }).end("hello, not an image");
    } else if (req.url === "/big-declared") {
      res.writeHead(200, { "content-type": "image/png", "content-length": String(maxBytes + 1) }).end(Buffer.alloc(maxBytes + 1, 1));
    } else if (req.url === "/big-streamed") {
      // No content-length: only counting the bytes as they arrive catches it.
      res.writeHead(200, { "content-type": "image/png" });
      let sent = 0;
      const more = () => {
        while (sent <= maxBytes) {
          sent += 1024;
          if (!res.write(Buffer.alloc(1024, 7))) return void res.once("drain", more);
        }
        res.end();
      };
      more();
    } else if (req.url === "/dropped") {
      res.writeHead(200, { "content-type": "image/jpeg", "content-length": "100000" });
      res.write(Buffer.alloc(1000, 1), () => res.destroy());
    } else if (req.url === "/stall") {
      res.writeHead(200, { "content-type": "image/jpeg" });
      res.write(Buffer.alloc(10, 1)); // then never finishes
    } else {
      res.writeHead(404).end("not found");
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
