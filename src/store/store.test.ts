/**
 * The one store suite: every method of the port, run against every adapter
 * (memory, and SQLite in a temporary directory), then what only a durable
 * adapter can show: reopening keeps everything, schema checks refuse what
 * they must, and a write that returned survives `kill -9` of its process.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  CRASH_BLOCK_SIZE,
  CRASH_FILE_INO,
  CRASH_FS,
  crashBlock,
  crashRecord,
} from "../../test/fixtures/store-crash-layout.js";
import { CHUNK_SIZE } from "./layout.js";
import { openStore } from "./open.js";
import type { InodeRecord, Store, TreeStore } from "./port.js";
import { StoreError } from "./store-error.js";

const scratch = mkdtempSync(join(tmpdir(), "accesslab-store-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let databases = 0;
const freshPath = () => join(scratch, `db-${++databases}`, "state.db");

interface Adapter {
  readonly name: string;
  open(): Store;
}

const adapters: Adapter[] = [
  { name: "memory", open: () => openStore({ kind: "memory" }) },
  { name: "sqlite", open: () => openStore({ kind: "sqlite", path: freshPath() }) },
];

function inode(ino: number, extra: Partial<InodeRecord> = {}): InodeRecord {
  return {
    ino,
    mode: 0o100644,
    uid: 1000,
    gid: 1000,
    nlink: 1,
    size: 0,
    atimeMs: 1,
    mtimeMs: 2,
    ctimeMs: 3,
    ...extra,
  };
}

/** Deterministic bytes that differ at every position mod 251, offset by `seed`. */
function pattern(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (seed + i) % 251;
  return bytes;
}

/**
 * Compares bytes fast (vitest's deep equality walks them one by one) and, on
 * a mismatch, reports the first differing offset.
 */
function expectBytes(actual: Uint8Array, expected: Uint8Array): void {
  if (Buffer.from(actual.buffer, actual.byteOffset, actual.byteLength).equals(expected)) return;
  let at = 0;
  while (at < Math.min(actual.length, expected.length) && actual[at] === expected[at]) at++;
  expect.fail(
    `bytes differ at offset ${at}: got ${actual.length} bytes (${actual[at]}), expected ${expected.length} (${expected[at]})`,
  );
}

/** Writes `data` at `offset` and grows the inode's size the way the data plane will. */
function writeFile(tree: TreeStore, ino: number, offset: number, data: Uint8Array): void {
  tree.writeData(ino, offset, data);
  const size = tree.getInode(ino)?.size ?? 0;
  tree.putInode(inode(ino, { size: Math.max(size, offset + data.length) }));
}

describe.each(adapters)("store: $name", (adapter) => {
  let store: Store;
  let tree: TreeStore;
  beforeEach(() => {
    store = adapter.open();
    tree = store.tree("fs-1");
    return () => store.close();
  });

  describe("inodes", () => {
    it("puts, gets, replaces and deletes", () => {
      expect(tree.getInode(1)).toBeUndefined();
      tree.putInode(inode(1, { mode: 0o40755, nlink: 2 }));
      tree.putInode(inode(2, { mode: 0o120777, target: "../x", atimeMs: 1.5 }));
      expect(tree.getInode(1)).toStrictEqual(inode(1, { mode: 0o40755, nlink: 2 }));
      expect(tree.getInode(2)).toStrictEqual(
        inode(2, { mode: 0o120777, target: "../x", atimeMs: 1.5 }),
      );
      tree.putInode(inode(1, { mode: 0o40700, uid: 0, size: 4096 }));
      expect(tree.getInode(1)).toStrictEqual(inode(1, { mode: 0o40700, uid: 0, size: 4096 }));
      tree.deleteInode(1);
      expect(tree.getInode(1)).toBeUndefined();
      expect(tree.getInode(2)?.target).toBe("../x");
      tree.deleteInode(99);
    });

    it("allocates increasing numbers, past any inode put, never reused", () => {
      const a = tree.allocateIno();
      const b = tree.allocateIno();
      expect(b).toBeGreaterThan(a);
      tree.putInode(inode(50));
      tree.deleteInode(50);
      const c = tree.allocateIno();
      expect(c).toBeGreaterThan(50);
      tree.putInode(inode(3));
      expect(tree.allocateIno()).toBe(c + 1);
      expect(store.tree("fs-2").allocateIno()).toBe(1);
    });

    it("keeps file systems apart", () => {
      tree.putInode(inode(1));
      expect(store.tree("fs-2").getInode(1)).toBeUndefined();
      expect(store.tree("fs-1")).toBeDefined();
      expect(store.tree("fs-1").getInode(1)).toStrictEqual(inode(1));
    });
  });

  describe("entries", () => {
    it("looks up, replaces, removes and lists sorted by UTF-8 bytes", () => {
      const names = ["b", "a", "B", "a10", "a2", "\uFFFF", "\u{1F600}", "é", ".hidden"];
      names.forEach((name, i) => {
        tree.setEntry(1, name, i + 10);
      });
      expect(tree.listEntries(1).map((e) => e.name)).toEqual([
        ".hidden",
        "B",
        "a",
        "a10",
        "a2",
        "b",
        "é",
        "\uFFFF",
        "\u{1F600}",
      ]);
      expect(tree.lookup(1, "a")).toBe(11);
      expect(tree.lookup(1, "A")).toBeUndefined();
      expect(tree.lookup(2, "a")).toBeUndefined();
      tree.setEntry(1, "a", 42);
      expect(tree.lookup(1, "a")).toBe(42);
      tree.removeEntry(1, "a");
      tree.removeEntry(1, "missing");
      expect(tree.lookup(1, "a")).toBeUndefined();
      expect(tree.listEntries(1)).toHaveLength(names.length - 1);
      expect(tree.listEntries(1)[0]).toStrictEqual({ name: ".hidden", ino: 18 });
      expect(tree.listEntries(7)).toEqual([]);
    });

    it("deleting a directory's inode drops its entries", () => {
      tree.putInode(inode(5, { mode: 0o40755 }));
      tree.setEntry(5, "x", 6);
      tree.setEntry(1, "d", 5);
      tree.deleteInode(5);
      expect(tree.listEntries(5)).toEqual([]);
      expect(tree.lookup(1, "d")).toBe(5);
    });
  });

  describe("data", () => {
    it("writes and reads across chunk boundaries", () => {
      const data = pattern(CHUNK_SIZE + 200, 7);
      writeFile(tree, 2, CHUNK_SIZE - 100, data);
      expectBytes(tree.readData(2, CHUNK_SIZE - 100, data.length), data);
      expectBytes(tree.readData(2, CHUNK_SIZE - 1, 2), data.subarray(99, 101));
      expectBytes(
        tree.readData(2, 2 * CHUNK_SIZE - 10, 20),
        data.subarray(CHUNK_SIZE + 90, CHUNK_SIZE + 110),
      );
      writeFile(tree, 2, CHUNK_SIZE - 2, new Uint8Array([255, 254, 253, 252]));
      expect([...tree.readData(2, CHUNK_SIZE - 3, 6)]).toEqual([
        data[97],
        255,
        254,
        253,
        252,
        data[102],
      ]);
    });

    it("reads holes as zeros", () => {
      writeFile(tree, 2, 3 * CHUNK_SIZE + 10, pattern(10, 1));
      const all = tree.readData(2, 0, 4 * CHUNK_SIZE);
      expect(all.length).toBe(3 * CHUNK_SIZE + 20);
      expect(all.subarray(0, 3 * CHUNK_SIZE + 10).every((b) => b === 0)).toBe(true);
      expect(all.subarray(3 * CHUNK_SIZE + 10)).toEqual(pattern(10, 1));
      writeFile(tree, 2, 5, pattern(3, 9));
      expectBytes(tree.readData(2, 0, 10), new Uint8Array([0, 0, 0, 0, 0, 9, 10, 11, 0, 0]));
    });

    it("stops reads at the end of file", () => {
      writeFile(tree, 2, 0, pattern(100, 3));
      expectBytes(tree.readData(2, 90, 50), pattern(100, 3).subarray(90));
      expectBytes(tree.readData(2, 100, 10), new Uint8Array(0));
      expectBytes(tree.readData(2, 5_000, 10), new Uint8Array(0));
      expectBytes(tree.readData(2, 10, 0), new Uint8Array(0));
      expectBytes(tree.readData(77, 0, 10), new Uint8Array(0));
      tree.writeData(2, 100, pattern(10, 0));
      expect(tree.readData(2, 0, 200)).toHaveLength(100);
    });

    it("truncates down then extends with zeros", () => {
      const data = pattern(3 * CHUNK_SIZE, 5);
      writeFile(tree, 2, 0, data);
      for (const size of [2 * CHUNK_SIZE + 100, CHUNK_SIZE, 17, 0]) {
        tree.truncateData(2, size);
        tree.putInode(inode(2, { size }));
        expectBytes(tree.readData(2, 0, 4 * CHUNK_SIZE), data.subarray(0, size));
        tree.putInode(inode(2, { size: 3 * CHUNK_SIZE }));
        const extended = tree.readData(2, 0, 3 * CHUNK_SIZE);
        expectBytes(extended.subarray(0, size), data.subarray(0, size));
        expect(extended.subarray(size).every((b) => b === 0)).toBe(true);
        tree.putInode(inode(2, { size }));
      }
      writeFile(tree, 2, CHUNK_SIZE + 1, pattern(1, 200));
      const after = tree.readData(2, 0, 4 * CHUNK_SIZE);
      expect(after).toHaveLength(CHUNK_SIZE + 2);
      expect(after.subarray(0, CHUNK_SIZE + 1).every((b) => b === 0)).toBe(true);
      expect(after[CHUNK_SIZE + 1]).toBe(200);
    });

    it("writes 3 MiB, then overwrites 1 MiB in the middle", () => {
      const mib = 1024 * 1024;
      const big = pattern(3 * mib, 11);
      writeFile(tree, 2, 0, big);
      expectBytes(tree.readData(2, 0, 3 * mib), big);
      const patch = pattern(mib, 101);
      const at = mib + 12_345;
      writeFile(tree, 2, at, patch);
      const expected = big.slice();
      expected.set(patch, at);
      expect(tree.getInode(2)?.size).toBe(3 * mib);
      expectBytes(tree.readData(2, 0, 3 * mib), expected);
      expectBytes(tree.readData(2, at - 3, 6), expected.subarray(at - 3, at + 3));
    });

    it("deleting an inode drops its data", () => {
      writeFile(tree, 2, 0, pattern(10, 1));
      tree.deleteInode(2);
      tree.putInode(inode(2, { size: 10 }));
      expectBytes(tree.readData(2, 0, 10), new Uint8Array(10));
    });
  });

  describe("records", () => {
    it("puts, gets, replaces, deletes and lists in id order", () => {
      const records = store.records;
      expect(records.get("fs", "a")).toBeUndefined();
      for (const id of ["b", "a", "a10", "a2", "\u{1F600}", "\uFFFF"])
        records.put("fs", id, { id });
      records.put("ap", "a", { other: true });
      expect(records.list<{ id: string }>("fs").map((r) => r.id)).toEqual([
        "a",
        "a10",
        "a2",
        "b",
        "\uFFFF",
        "\u{1F600}",
      ]);
      records.put("fs", "a", { id: "a", v: 2 });
      expect(records.get("fs", "a")).toEqual({ id: "a", v: 2 });
      records.delete("fs", "a");
      records.delete("fs", "missing");
      expect(records.get("fs", "a")).toBeUndefined();
      expect(records.list("fs")).toHaveLength(5);
      expect(records.list("ap")).toEqual([{ other: true }]);
      expect(records.list("none")).toEqual([]);
    });

    it("lists the records whose top-level field has a value, as filtering the list would", () => {
      const records = store.records;
      const put = (id: string, value: unknown) => records.put("mt", id, value);
      put("c", { fs: "fs-1", az: "a" });
      put("a", { fs: "fs-1", az: "b" });
      put("b", { fs: "fs-2", nested: { fs: "fs-1" } });
      put("d", { other: { fs: "fs-1" }, note: '"fs":"fs-1"' });
      put("e", { fs: 1 });
      put("f", { fs: 'fs-1\u{1F600}"quoted"' });
      put("g", [{ fs: "fs-1" }]);
      records.put("other-kind", "z", { fs: "fs-1" });
      expect(records.listWhere<{ az: string }>("mt", "fs", "fs-1").map((r) => r.az)).toEqual([
        "b",
        "a",
      ]);
      expect(records.listWhere("mt", "fs", "fs-1")).toEqual(
        records.list<{ fs?: unknown }>("mt").filter((r) => r.fs === "fs-1"),
      );
      expect(records.listWhere("mt", "fs", "fs-2")).toEqual([
        { fs: "fs-2", nested: { fs: "fs-1" } },
      ]);
      expect(records.listWhere("mt", "fs", "1")).toEqual([]);
      expect(records.listWhere("mt", "fs", 'fs-1\u{1F600}"quoted"')).toEqual([
        { fs: 'fs-1\u{1F600}"quoted"' },
      ]);
      expect(records.listWhere("mt", "fs", "fs-3")).toEqual([]);
      expect(records.listWhere("none", "fs", "fs-1")).toEqual([]);
      const read = records.listWhere<{ fs: string; az: string }>("mt", "fs", "fs-1")[0];
      if (read) read.az = "changed";
      expect(records.get("mt", "a")).toEqual({ fs: "fs-1", az: "b" });
    });

    it("counts the records of a kind, as listing them would", () => {
      const records = store.records;
      expect(records.count("fs")).toBe(0);
      for (const id of ["b", "a", "c"]) records.put("fs", id, { id });
      records.put("fs", "a", { id: "a", v: 2 });
      records.put("ap", "a", {});
      expect(records.count("fs")).toBe(3);
      records.delete("fs", "b");
      expect(records.count("fs")).toBe(records.list("fs").length);
      expect(records.count("fs")).toBe(2);
      expect(records.count("ap")).toBe(1);
      expect(() =>
        store.transaction(() => {
          records.put("fs", "d", {});
          expect(records.count("fs")).toBe(3);
          throw new Error("undo");
        }),
      ).toThrow("undo");
      expect(records.count("fs")).toBe(2);
    });

    it("stores copies as JSON", () => {
      const value = { list: [1, 2], nested: { a: "x" }, gone: undefined };
      store.records.put("k", "1", value);
      value.list.push(3);
      const read = store.records.get<typeof value>("k", "1");
      expect(read).toStrictEqual({ list: [1, 2], nested: { a: "x" } });
      read?.list.push(9);
      expect(store.records.get("k", "1")).toStrictEqual({ list: [1, 2], nested: { a: "x" } });
      expect(() => store.records.put("k", "2", undefined)).toThrow(StoreError);
    });
  });

  describe("events", () => {
    it("appends per stream and reads after a sequence number", () => {
      expect(store.events.read("fs-1")).toEqual([]);
      for (let i = 1; i <= 5; i++) store.events.append("fs-1", { i });
      store.events.append("fs-2", { other: true });
      expect(store.events.read("fs-1")).toEqual(
        [1, 2, 3, 4, 5].map((i) => ({ seq: i, event: { i } })),
      );
      expect(store.events.read("fs-1", 3)).toEqual([
        { seq: 4, event: { i: 4 } },
        { seq: 5, event: { i: 5 } },
      ]);
      expect(store.events.read("fs-1", 5)).toEqual([]);
      expect(store.events.read("fs-1", 0)).toHaveLength(5);
      expect(store.events.read("fs-2")).toEqual([{ seq: 1, event: { other: true } }]);
    });
  });

  describe("transactions", () => {
    /** State before: a file with data, an entry, a record and an event. */
    function seed(): void {
      writeFile(tree, 2, 0, pattern(2 * CHUNK_SIZE, 1));
      tree.setEntry(1, "file", 2);
      store.records.put("fs", "a", { v: 1 });
      store.events.append("s", { n: 1 });
    }
    function expectSeed(): void {
      expectBytes(tree.readData(2, 0, 3 * CHUNK_SIZE), pattern(2 * CHUNK_SIZE, 1));
      expect(tree.getInode(2)?.size).toBe(2 * CHUNK_SIZE);
      expect(tree.listEntries(1)).toEqual([{ name: "file", ino: 2 }]);
      expect(store.records.list("fs")).toEqual([{ v: 1 }]);
      expect(store.events.read("s")).toEqual([{ seq: 1, event: { n: 1 } }]);
      expect(store.tree("fs-2").getInode(1)).toBeUndefined();
    }
    /** Changes every kind of state. */
    function change(label: number): void {
      writeFile(tree, 2, CHUNK_SIZE - 5, pattern(10, 100 + label));
      tree.writeData(2, 10, pattern(3, label));
      tree.truncateData(2, CHUNK_SIZE + 3);
      tree.putInode(inode(2, { size: CHUNK_SIZE + 3, uid: label }));
      tree.setEntry(1, `new-${label}`, 3);
      tree.removeEntry(1, "file");
      tree.putInode(inode(tree.allocateIno()));
      store.records.put("fs", "a", { v: label });
      store.records.put("fs", `b${label}`, { v: label });
      store.events.append("s", { n: label });
      store.tree("fs-2").putInode(inode(1));
    }

    it("commits together and returns the work's value", () => {
      seed();
      const result = store.transaction(() => {
        change(7);
        return "done";
      });
      expect(result).toBe("done");
      expect(tree.getInode(2)?.uid).toBe(7);
      expect(tree.lookup(1, "new-7")).toBe(3);
      expect(store.records.get("fs", "a")).toEqual({ v: 7 });
      expect(store.events.read("s")).toHaveLength(2);
      expectBytes(tree.readData(2, 10, 3), pattern(3, 7));
    });

    it("rolls every change back when the work throws", () => {
      seed();
      expect(() =>
        store.transaction(() => {
          change(7);
          store.dropTree("fs-1");
          throw new Error("boom");
        }),
      ).toThrow("boom");
      expectSeed();
      store.transaction(() => change(8));
      expect(tree.getInode(2)?.uid).toBe(8);
    });

    it("joins nested transactions to the outer one", () => {
      seed();
      expect(() =>
        store.transaction(() => {
          store.transaction(() => change(7));
          change(8);
          throw new Error("outer");
        }),
      ).toThrow("outer");
      expectSeed();
    });

    it("undoes a nested transaction that throws, and keeps the outer one", () => {
      seed();
      store.transaction(() => {
        tree.writeData(2, 0, pattern(4, 50));
        expect(() =>
          store.transaction(() => {
            tree.writeData(2, 0, pattern(4, 60));
            store.records.put("fs", "inner", { v: 1 });
            throw new Error("inner");
          }),
        ).toThrow("inner");
        store.records.put("fs", "outer", { v: 2 });
      });
      expectBytes(tree.readData(2, 0, 4), pattern(4, 50));
      expectBytes(tree.readData(2, 4, 4), pattern(2 * CHUNK_SIZE, 1).subarray(4, 8));
      expect(store.records.get("fs", "inner")).toBeUndefined();
      expect(store.records.get("fs", "outer")).toEqual({ v: 2 });
    });

    it("refuses work that returns a promise, rolling it back", () => {
      expect(() =>
        store.transaction(() => {
          store.records.put("fs", "x", {});
          return Promise.resolve(1);
        }),
      ).toThrow(TypeError);
      expect(store.records.get("fs", "x")).toBeUndefined();
    });
  });

  describe("dropTree", () => {
    it("drops one file system's tree, leaving the others and existing handles usable", () => {
      writeFile(tree, 2, 0, pattern(10, 1));
      tree.setEntry(1, "f", 2);
      const other = store.tree("fs-2");
      other.putInode(inode(1));
      store.dropTree("fs-1");
      expect(tree.getInode(2)).toBeUndefined();
      expect(tree.listEntries(1)).toEqual([]);
      tree.putInode(inode(2, { size: 10 }));
      expectBytes(tree.readData(2, 0, 10), new Uint8Array(10));
      expect(store.tree("fs-1").getInode(2)).toStrictEqual(inode(2, { size: 10 }));
      expect(other.getInode(1)).toStrictEqual(inode(1));
      store.dropTree("fs-never");
    });
  });
});

describe("store: sqlite only", () => {
  it("keeps everything across a reopen", () => {
    const path = freshPath();
    const first = openStore({ kind: "sqlite", path });
    const tree = first.tree("fs-1");
    const ino = tree.allocateIno();
    tree.allocateIno();
    writeFile(tree, ino, 100, pattern(CHUNK_SIZE, 3));
    tree.setEntry(1, "f", ino);
    first.records.put("fs", "fs-1", { name: "x" });
    first.events.append("fs-1", { e: 1 });
    first.close();

    const second = openStore({ kind: "sqlite", path });
    const again = second.tree("fs-1");
    expect(again.allocateIno()).toBe(ino + 2);
    expect(again.getInode(ino)?.size).toBe(100 + CHUNK_SIZE);
    expectBytes(again.readData(ino, 100, CHUNK_SIZE), pattern(CHUNK_SIZE, 3));
    expect(again.lookup(1, "f")).toBe(ino);
    expect(second.records.get("fs", "fs-1")).toEqual({ name: "x" });
    second.events.append("fs-1", { e: 2 });
    expect(second.events.read("fs-1")).toEqual([
      { seq: 1, event: { e: 1 } },
      { seq: 2, event: { e: 2 } },
    ]);
    second.close();
  });

  it("rewrites only the chunks a write covers", () => {
    const path = freshPath();
    const store = openStore({ kind: "sqlite", path });
    const tree = store.tree("fs-1");
    const mib = 1024 * 1024;
    writeFile(tree, 2, 0, pattern(8 * mib, 1));
    const raw = new Database(path);
    raw.pragma("wal_checkpoint(TRUNCATE)");
    expect(statSync(`${path}-wal`).size).toBe(0);
    writeFile(tree, 2, 3 * mib + 777, pattern(mib, 2));
    const walBytes = statSync(`${path}-wal`).size;
    // The log holds the pages that changed: the 1 MiB written (17 chunks) plus page
    // headers and b-tree pages; rewriting the whole 8 MiB file would log over 8 MiB.
    expect(walBytes).toBeGreaterThan(mib);
    expect(walBytes).toBeLessThan(1.5 * mib);
    raw.close();
    store.close();
  });

  it("refuses a database of a newer schema", () => {
    const path = freshPath();
    openStore({ kind: "sqlite", path }).close();
    const raw = new Database(path);
    raw.pragma("user_version = 99");
    raw.close();
    expect(() => openStore({ kind: "sqlite", path })).toThrow(
      /has schema version 99, newer than this accesslab understands \(1\)/,
    );
  });

  it("refuses an SQLite database that is not a store, and a file that is not a database", () => {
    const foreign = join(scratch, "foreign.db");
    const raw = new Database(foreign);
    raw.exec("CREATE TABLE t (x)");
    raw.close();
    expect(() => openStore({ kind: "sqlite", path: foreign })).toThrow(/not an accesslab store/);
    const garbage = join(scratch, "garbage.db");
    writeFileSync(garbage, "x".repeat(8192));
    expect(() => openStore({ kind: "sqlite", path: garbage })).toThrow(StoreError);
    expect(() => openStore({ kind: "sqlite", path: garbage })).toThrow(/cannot open store/);
  });

  it("keeps every write that returned when its process is killed with SIGKILL", async () => {
    const path = freshPath();
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "test/fixtures/store-crash-writer.ts", path],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    const printed: number[] = [];
    let pending = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<NodeJS.Signals | null>((done) => {
      child.on("exit", (_code, signal) => done(signal));
    });
    child.stdout.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) printed.push(Number(line));
      if (printed.length >= 300 && child.exitCode === null) child.kill("SIGKILL");
    });
    const signal = await exited;
    expect(stderr).toBe("");
    expect(signal).toBe("SIGKILL");
    expect(printed.length).toBeGreaterThanOrEqual(300);
    expect(printed).toEqual(printed.map((_, i) => i + 1));

    const store = openStore({ kind: "sqlite", path });
    const tree = store.tree(CRASH_FS);
    const last = printed.length;
    const size = tree.getInode(CRASH_FILE_INO)?.size ?? 0;
    expect(size).toBeGreaterThanOrEqual(last * CRASH_BLOCK_SIZE);
    const events = store.events.read<{ seq: number }>(CRASH_FS);
    expect(events.length).toBeGreaterThanOrEqual(last);
    for (const seq of printed) {
      const key = String(seq).padStart(8, "0");
      expect(store.records.get("crash", key)).toEqual(crashRecord(seq));
      expectBytes(
        tree.readData(CRASH_FILE_INO, (seq - 1) * CRASH_BLOCK_SIZE, CRASH_BLOCK_SIZE),
        crashBlock(seq),
      );
      expect(events[seq - 1]).toEqual({ seq, event: { seq } });
    }
    // Whatever the kill interrupted is either whole or absent.
    const blocks = size / CRASH_BLOCK_SIZE;
    expect(Number.isInteger(blocks) && blocks <= last + 1).toBe(true);
    expect(events.length).toBe(blocks);
    for (const record of store.records.list<{ seq: number }>("crash")) {
      expect(record).toEqual(crashRecord(record.seq));
    }
    store.close();
  });
});
