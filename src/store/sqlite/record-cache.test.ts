/**
 * The SQLite record cache never serves a stale value: a write rolled back
 * with its transaction is forgotten, a delete is seen at once, and a commit
 * made by another connection (another process on the same state) is seen
 * from the next event-loop turn on.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sqliteStore } from "./store.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function statePath(): string {
  const dir = mkdtempSync(join(tmpdir(), "accesslab-cache-"));
  dirs.push(dir);
  return join(dir, "state.db");
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("sqlite record cache", () => {
  it("forgets the writes of a transaction that was rolled back", () => {
    const store = sqliteStore(statePath());
    store.records.put("k", "a", { v: 1 });
    expect(() =>
      store.transaction(() => {
        store.records.put("k", "a", { v: 2 });
        expect(store.records.get("k", "a")).toEqual({ v: 2 });
        throw new Error("abort");
      }),
    ).toThrow("abort");
    expect(store.records.get("k", "a")).toEqual({ v: 1 });
    store.records.delete("k", "a");
    expect(store.records.get("k", "a")).toBeUndefined();
    store.close();
  });

  it("sees another connection's commit from the next turn on", async () => {
    const path = statePath();
    const server = sqliteStore(path);
    const cli = sqliteStore(path);
    expect(server.records.get("k", "x")).toBeUndefined();
    cli.records.put("k", "x", { from: "cli" });
    await nextTurn();
    expect(server.records.get("k", "x")).toEqual({ from: "cli" });
    cli.records.put("k", "x", { from: "cli again" });
    await nextTurn();
    expect(server.records.get("k", "x")).toEqual({ from: "cli again" });
    server.close();
    cli.close();
  });

  it("gives every reader its own copy", () => {
    const store = sqliteStore(statePath());
    store.records.put("k", "a", { list: [1] });
    const first = store.records.get<{ list: number[] }>("k", "a");
    first?.list.push(2);
    expect(store.records.get("k", "a")).toEqual({ list: [1] });
    store.close();
  });
});
