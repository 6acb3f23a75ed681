import { IsNull } from "typeorm";
import { ApiToken } from "../../src/entities/api-token.entity";
import { GraphQLClient } from "../harness/graphql-client";
import { API_TOKENS, CREATE_API_TOKEN, CREATE_USER, REVOKE_API_TOKEN, type Role } from "../harness/operations";
import { TestServer } from "../harness/test-server";
import { runToEnd, startJobServer, startSync, subscribe, untilLive, wsClient } from "../jobs/helpers";
import { wsOnce } from "./ws-helpers";

const FEED = `subscription { jobFeed { id state } }`;

/** Resolves with the close code when the client's socket is closed by the server. */
function closed(client: ReturnType<typeof wsClient>): Promise<number> {
  return new Promise((resolve) => client.on("closed", (e) => resolve((e as { code: number }).code)));
}

describe("revocation reaches open graphql-ws connections", () => {
  let s: TestServer;
  let n = 0;
  beforeAll(async () => {
    s = await startJobServer({ authRecheckMs: 300 });
  });
  afterAll(async () => s.stop());

  async function newUser(role: Role = "EDITOR") {
    const { createUser } = await s.admin.run(CREATE_USER, { input: { name: `Dash ${++n}`, email: `dash${n}@demo.test`, role } });
    const { createApiToken } = await s.admin.run(CREATE_API_TOKEN, { userId: createUser.id, name: "dash" });
    return { userId: createUser.id, tokenId: createApiToken.apiToken.id, token: createApiToken.token };
  }

  /** A connected socket with a live jobFeed that has seen one event. */
  async function liveFeed(token: string) {
    const client = wsClient(s.url, token);
    const closeCode = closed(client);
    const feed = subscribe(client, FEED);
    // The feed is live once it delivers an event of a job started after it.
    await untilLive(feed, () => runToEnd(s.admin));
    return { client, feed, closeCode };
  }

  it("revokeApiToken closes the token's open sockets with 4403 and ends their subscriptions", async () => {
    const u = await newUser();
    const { client, feed, closeCode } = await liveFeed(u.token);
    expect((await wsOnce(client, `{ viewer { name } }`)).data.viewer.name).toMatch(/^Dash/);
    await s.admin.run(REVOKE_API_TOKEN, { id: u.tokenId });
    expect(await closeCode).toBe(4403);
    const seen = feed.events.length;
    // positive control: the ADMIN's live feed gets the next job's end; the revoked one got nothing of it
    const control = await liveFeed(s.admin.token!);
    const job = await startSync(s.admin);
    await control.feed.until((e) => e.id === job.id && e.state === "SUCCEEDED");
    expect(feed.events.length).toBe(seen);
    await control.client.dispose();
    // A new connection with the revoked token is refused too.
    const again = wsClient(s.url, u.token);
    expect((await wsOnce(again, `{ viewer { name } }`)).closeCode).toBe(4403);
    await again.dispose();
    await client.dispose();
  });

  it("deactivateUser closes the user's sockets, and re-activating the user does not bring the old tokens back", async () => {
    const u = await newUser();
    const { client, closeCode } = await liveFeed(u.token);
    await s.admin.ok(`mutation($id: ID!) { deactivateUser(id: $id) { id active } }`, { id: u.userId });
    expect(await closeCode).toBe(4403);
    await s.admin.ok(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { id active } }`, { input: { id: u.userId, active: true } });
    expect((await new GraphQLClient(s.url, u.token).fails(`{ viewer { name } }`)).extensions?.code).toBe("UNAUTHENTICATED");
    const again = wsClient(s.url, u.token);
    expect((await wsOnce(again, `{ viewer { name } }`)).closeCode).toBe(4403);
    await again.dispose();
    await client.dispose();
    const { apiTokens } = await s.admin.run(API_TOKENS);
    expect(apiTokens.find((t) => t.id === u.tokenId)?.revokedAt).toEqual(expect.any(String));
  });

  it("a token revoked by another process (the CLI writes the database) is noticed within the re-check bound", async () => {
    const u = await newUser("VIEWER");
    const { client, closeCode } = await liveFeed(u.token);
    await s.app.ds.getRepository(ApiToken).update({ id: Number(u.tokenId), revokedAt: IsNull() }, { revokedAt: new Date() });
    const started = Date.now();
    expect(await closeCode).toBe(4403);
    expect(Date.now() - started).toBeLessThan(3000);
    await client.dispose();
  });

  it("a role change applies to the next operation on an open socket", async () => {
    const u = await newUser("EDITOR");
    const client = wsClient(s.url, u.token);
    const create = `mutation { createCustomer(input: { name: "Ws customer" }) { id } }`;
    expect((await wsOnce(client, create)).errors).toBeUndefined();
    await s.admin.ok(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { id role } }`, { input: { id: u.userId, role: "VIEWER" } });
    await new Promise((r) => setTimeout(r, 100));
    expect((await wsOnce(client, create)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await client.dispose();
  });
});
