import { StagedFeed } from "../../../plugins/joor/orders/staged-feed";

/** The pull → import hand-over signal (pure): a committed page wakes the importer once; close ends it. */
describe("StagedFeed", () => {
  it("a waiting importer wakes when a page is committed, and waits again after", async () => {
    const feed = new StagedFeed();
    let woke: boolean | null = null;
    const waiting = feed.wait().then((v) => {
      woke = v;
    });
    await Promise.resolve();
    expect(woke).toBeNull();
    feed.committed();
    await waiting;
    expect(woke).toBe(true);
    let again: boolean | null = null;
    const second = feed.wait().then((v) => {
      again = v;
    });
    await Promise.resolve();
    expect(again).toBeNull();
    feed.close();
    await second;
    expect(again).toBe(false);
  });

  it("pages committed before the importer asks are not missed; after close every wait answers false at once", async () => {
    const feed = new StagedFeed();
    feed.committed();
    feed.committed();
    feed.close();
    expect(await feed.wait()).toBe(true);
    expect(await feed.wait()).toBe(false);
    expect(await feed.wait()).toBe(false);
  });
});
