import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { Readable } from "node:stream";
import { AddressPolicy } from "./address-policy";

/** Why a fetch failed (for the server's log); callers show one neutral message whatever the reason. */
export class FetchFailed extends Error {}

/** The body was larger than the limit (a content rule, reported as such). */
export class FetchTooLarge extends Error {}

export interface PublicFetchOptions {
  policy: AddressPolicy;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
}

/**
 * GET over http(s) that only ever connects to addresses the policy allows. The host is resolved first and
 * every address checked; the socket then connects to exactly the checked address (a lookup function given
 * to the request, so a DNS answer that changes between check and connect — rebinding — cannot slip in).
 * IP literals (127.0.0.1, [::ffff:7f00:1], 2130706433, which the URL parser turns into 127.0.0.1) are
 * checked directly. Redirects are followed by hand, each hop checked the same way. The whole transfer has
 * one deadline and the body a size cap.
 */
export async function fetchPublic(url: URL, options: PublicFetchOptions): Promise<Buffer> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let current = url;
  for (let hop = 0; ; hop++) {
    const response = await request(current, options.policy, signal);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.destroy();
      if (hop >= (options.maxRedirects ?? 3)) throw new FetchFailed("too many redirects");
      try {
        current = new URL(response.headers.location, current);
      } catch {
        throw new FetchFailed("bad redirect location");
      }
      continue;
    }
    if (status < 200 || status >= 300) {
      response.destroy();
      throw new FetchFailed(`HTTP ${status}`);
    }
    const declared = Number(response.headers["content-length"] ?? "0");
    if (declared > options.maxBytes) {
      response.destroy();
      throw new FetchTooLarge(`declared ${declared} bytes`);
    }
    return readBody(response, options.maxBytes);
  }
}

function request(url: URL, policy: AddressPolicy, signal: AbortSignal): Promise<http.IncomingMessage> {
  if (url.protocol !== "http:" && url.protocol !== "https:") return Promise.reject(new FetchFailed(`protocol ${url.protocol}`));
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (net.isIP(host) && !policy.allows(host)) return Promise.reject(new FetchFailed(`address ${host} is not allowed`));
  const lookup: net.LookupFunction = (hostname, opts, callback) => {
    dns.lookup(hostname, { all: true, family: opts.family as number | undefined }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const refused = addresses.find((a) => !policy.allows(a.address));
      if (refused || !addresses.length) return callback(new FetchFailed(`address ${refused?.address ?? "(none)"} is not allowed`), "", 0);
      // Node asks for every address when it races IPv4/IPv6 (autoSelectFamily), for one otherwise.
      if ((opts as { all?: boolean }).all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method: "GET", lookup, signal, agent: false, headers: { accept: "image/*" } }, resolve);
    req.on("error", (error) => reject(error instanceof FetchFailed ? error : new FetchFailed(error.message)));
    req.end();
  });
}

async function readBody(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        stream.destroy();
        throw new FetchTooLarge(`more than ${maxBytes} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof FetchTooLarge) throw error;
    throw new FetchFailed(error instanceof Error ? error.message : String(error));
  }
  if (!stream.readableEnded && (stream as http.IncomingMessage).complete === false) throw new FetchFailed("the body was cut short");
  return Buffer.concat(chunks);
}
