import { SendBehind } from "../../../plugins/joor/sources/send-behind";

/** A send that finishes when the test says so. */
function gate() {
  let open!: () => void;
  let fail!: (e: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { done, open, fail };
}

describe("SendBehind (one page's send in flight while the next is prepared)", () => {
  it("starts a send without waiting for it, and the next send only after it finished, in order", async () => {
    const events: string[] = [];
    const a = gate();
    await SendBehind.run(async (behind) => {
      await behind.push(async () => {
        events.push("a start");
        await a.done;
        events.push("a end");
      });
      events.push("page 2 prepared"); // while a is in flight
      const second = behind.push(async () => {
        events.push("b start");
      });
      await Promise.resolve();
      expect(events).not.toContain("b start"); // b waits for a
      a.open();
      await second;
    });
    expect(events).toEqual(["a start", "page 2 prepared", "a end", "b start"]);
  });

  it("a failed send surfaces at the next push, and its page's successor is not sent", async () => {
    const sent: string[] = [];
    await expect(
      SendBehind.run(async (behind) => {
        await behind.push(async () => {
          throw new Error("JOOR refused page 1");
        });
        await behind.push(async () => {
          sent.push("page 2");
        });
      }),
    ).rejects.toThrow("JOOR refused page 1");
    expect(sent).toEqual([]);
  });

  it("the last send is waited for, and its error surfaces", async () => {
    await expect(
      SendBehind.run(async (behind) => {
        await behind.push(async () => {
          throw new Error("last page failed");
        });
      }),
    ).rejects.toThrow("last page failed");
  });

  it("when the loop throws (e.g. cancelled), the send in flight still finishes before the error surfaces", async () => {
    const a = gate();
    let finished = false;
    const run = SendBehind.run(async (behind) => {
      await behind.push(async () => {
        await a.done;
        finished = true;
      });
      throw new Error("cancelled");
    });
    let settled = false;
    void run.catch(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    a.open();
    await expect(run).rejects.toThrow("cancelled");
    expect(finished).toBe(true);
  });
});
