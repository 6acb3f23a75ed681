import { randomBytes } from "node:crypto";
import { createAppPubSub } from "../../src/pubsub/app-pubsub";
import { JobEvents } from "../../src/jobs/job-events";

import { REDIS_URL, requireRedis } from "./processes";

/**
 * The Redis pub/sub of a process that subscribes while its connection is still being set up (a worker that
 * starts listening for cancellations right away) must still receive messages. ioredis 5.8+ can send its
 * handshake commands after such a SUBSCRIBE and lose the subscription ("Connection in subscriber mode").
 */
describe("Redis pub/sub subscribed during connect", () => {
  beforeAll(async () => requireRedis());

  it("a control channel subscribed at once receives cancel messages, start after start", async () => {
    const prefix = `selvedge-test-${randomBytes(4).toString("hex")}`;
    const sender = new JobEvents(createAppPubSub({ redisUrl: REDIS_URL, prefix }));
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on("unhandledRejection", onError);
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(" "));
    try {
      let received = 0;
      const starts = 16;
      for (let i = 0; i < starts; i++) {
        const bus = createAppPubSub({ redisUrl: REDIS_URL, prefix });
        await new Promise((r) => setTimeout(r, i % 4)); // subscribe 0-3 ms after the connection began
        const iterator = new JobEvents(bus).controls()[Symbol.asyncIterator]();
        const next = iterator.next();
        const until = Date.now() + 2000;
        let got = false;
        void next.then(() => (got = true));
        while (!got && Date.now() < until) {
          sender.control({ type: "cancel", jobId: i });
          await new Promise((r) => setTimeout(r, 25));
        }
        if (got) received++;
        await iterator.return?.();
        await bus.close();
      }
      expect({ received, errors: errors.map(String) }).toEqual({ received: starts, errors: [] });
    } finally {
      console.error = original;
      process.off("unhandledRejection", onError);
      await sender.bus.close();
    }
  });
});
