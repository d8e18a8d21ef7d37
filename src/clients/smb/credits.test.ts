import { describe, expect, it } from "vitest";
import { CreditWindow, creditCharge } from "./credits.js";

describe("CreditWindow", () => {
  it("lets a request go at once while credits last, and queues the rest in order", async () => {
    const window = new CreditWindow(2);
    await window.acquire(2);
    const order: string[] = [];
    const big = window.acquire(3).then(() => order.push("big"));
    const small = window.acquire(1).then(() => order.push("small"));
    window.grant(1);
    await Promise.resolve();
    expect(order).toEqual([]); // the small one waits behind the big one
    window.grant(3);
    await Promise.all([big, small]);
    expect(order).toEqual(["big", "small"]);
  });

  it("rejects waiting and later requests once the connection fails", async () => {
    const window = new CreditWindow(0);
    const waiting = window.acquire(1);
    window.fail(new Error("closed"));
    await expect(waiting).rejects.toThrow("closed");
    await expect(window.acquire(1)).rejects.toThrow("closed");
  });
});

describe("creditCharge", () => {
  it("charges one credit per 64 KiB started, at least one", () => {
    expect([0, 1, 65536, 65537, 1 << 20].map(creditCharge)).toEqual([1, 1, 1, 2, 16]);
  });
});
