import { createPubSub, PubSub } from "@graphql-yoga/subscription";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { setMaxListeners } from "node:events";
import Redis from "ioredis";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPubSub = PubSub<Record<string, [any] | [number | string, any]>>;

export interface AppPubSub {
  kind: "memory" | "redis";
  pubSub: AnyPubSub;
  /** Topic names carry this prefix (one Redis can serve several deployments or test runs). */
  prefix: string;
  close(): Promise<void>;
}

/**
 * GraphQL pub/sub for this process: in memory by default; over Redis pub/sub when REDIS_URL is set, so a
 * subscriber on one API process sees events published by a worker process elsewhere. Payloads are JSON.
 */
export function createAppPubSub(options: { redisUrl?: string; prefix: string }): AppPubSub {
  if (!options.redisUrl) {
    // One listener per subscriber on a topic: 1,000 dashboards on a job are normal, not a leak.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return { kind: "memory", pubSub: createPubSub({ eventTarget: eventTarget as never }) as AnyPubSub, prefix: options.prefix, close: async () => {} };
  }
  const publishClient = new Redis(options.redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
  // The subscriber sends no handshake: ioredis 5.8+ may write CLIENT SETINFO / the INFO ready check after a
  // SUBSCRIBE issued during connect, Redis refuses them ("Connection in subscriber mode") and the subscription
  // is lost (ioredis#2037) — a worker that listens for cancellations at start-up would then miss them.
  const subscribeClient = new Redis(options.redisUrl, {
    lazyConnect: false,
    maxRetriesPerRequest: null,
    enableReadyCheck: false,
    disableClientInfo: true,
  });
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    kind: "redis",
    pubSub: createPubSub({ eventTarget: eventTarget as never }) as AnyPubSub,
    prefix: options.prefix,
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
