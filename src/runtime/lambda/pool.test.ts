import { afterEach, describe, expect, it, vi } from "vitest";
import type { Instance } from "./instance.js";
import { InstancePool } from "./pool.js";

/** A stand-in instance: only the fields the pool reads and the kill it calls. */
function fakeInstance() {
  const state = { busy: false, dead: false, lastUsedMs: Date.now(), kills: 0 };
  const instance = {
    get busy() {
      return state.busy;
    },
    set busy(value: boolean) {
      state.busy = value;
    },
    get dead() {
      return state.dead;
    },
    get lastUsedMs() {
      return state.lastUsedMs;
    },
    set lastUsedMs(value: number) {
      state.lastUsedMs = value;
    },
    kill: () => {
      state.kills++;
      state.dead = true;
    },
  };
  return { instance: instance as unknown as Instance, state };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("InstancePool", () => {
  it("reuses an idle instance and starts none while one is free", () => {
    const pool = new InstancePool(60_000);
    const a = fakeInstance();
    const stopped: string[] = [];
    const pooled = { instance: a.instance, onStop: [() => stopped.push("a")] };
    pool.add("fn#1", pooled);
    expect(pool.takeWarm("fn#1")).toBeUndefined();
    pool.release("fn#1", pooled, true);
    expect(pool.takeWarm("fn#1")).toBe(pooled);
    expect(pool.takeWarm("fn#1")).toBeUndefined();
    pool.release("fn#1", pooled, false);
    expect(a.state.kills).toBe(1);
    expect(stopped).toEqual(["a"]);
    expect(pool.size("fn#1")).toBe(0);
    pool.close();
  });

  it("replaces an idle instance whose credentials would expire too soon", () => {
    const pool = new InstancePool(60_000);
    const a = fakeInstance();
    const pooled = { instance: a.instance, onStop: [], credentialsExpireMs: 5000 };
    pool.add("fn#1", pooled);
    pool.release("fn#1", pooled, true);
    expect(pool.takeWarm("fn#1", 6000)).toBeUndefined();
    expect(a.state.kills).toBe(1);
    expect(pool.size("fn#1")).toBe(0);
    pool.close();
  });

  it("stops instances idle longer than the idle time, and old configurations", () => {
    vi.useFakeTimers();
    const pool = new InstancePool(1000);
    const idle = fakeInstance();
    const old = fakeInstance();
    pool.add("fn#2", { instance: idle.instance, onStop: [] });
    pool.release("fn#2", { instance: idle.instance, onStop: [] }, true);
    pool.add("fn#1", { instance: old.instance, onStop: [] });
    pool.release("fn#1", { instance: old.instance, onStop: [] }, true);
    pool.retireOthers("fn#", "fn#2");
    expect(old.state.kills).toBe(1);
    expect(idle.state.kills).toBe(0);
    vi.advanceTimersByTime(2500);
    expect(idle.state.kills).toBe(1);
    expect(pool.size("fn#2")).toBe(0);
    pool.close();
  });
});
