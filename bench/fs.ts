/**
 * The file benchmark (`npm run bench -- fs`): the same workload through the
 * EFS data plane on the memory store, on the SQLite store, and through
 * Node's own `fs` on a temporary directory, side by side: create 10,000
 * small files, stat them, read them back, then write and read a 64 MiB file
 * in 1 MiB blocks. Prints a markdown table with the ratio to native.
 */
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { cpus, platform, release, tmpdir } from "node:os";
import { join } from "node:path";
import type { FileSession } from "../src/services/efs/file-tree.js";
import {
  initializeFileSystem,
  mkdir,
  ROOT_INO,
  readFile,
  stat,
  writeAt,
  writeFile,
} from "../src/services/efs/file-tree.js";
import { memoryStore } from "../src/store/memory/store.js";
import type { Store } from "../src/store/port.js";
import { sqliteStore } from "../src/store/sqlite/store.js";

const SMALL_FILES = 10_000;
const SMALL_SIZE = 256;
const LARGE_MIB = 64;
const BLOCK = 1024 * 1024;

/** The five timed phases of the workload. */
interface Timings {
  create: number;
  stat: number;
  read: number;
  largeWrite: number;
  largeRead: number;
}

/** One way of doing the workload's operations. */
interface Target {
  readonly name: string;
  mkdir(path: string): void;
  write(path: string, data: Uint8Array): void;
  stat(path: string): void;
  read(path: string): Uint8Array;
  writeAt(path: string, offset: number, data: Uint8Array): void;
  readAt(path: string, offset: number, length: number): Uint8Array;
  close(): void;
}

function dataPlane(name: string, store: Store, cleanup: () => void): Target {
  const session: FileSession = {
    tree: store.tree("fs-bench"),
    identity: { uid: 0, gid: 0, groups: [] },
    rootIno: ROOT_INO,
    readOnly: false,
    umask: 0o022,
    clock: Date.now,
  };
  store.transaction(() => initializeFileSystem(session.tree, Date.now()));
  const must = <T>(r: { ok: true; value: T } | { ok: false; errno: string }): T => {
    if (!r.ok) throw new Error(r.errno);
    return r.value;
  };
  return {
    name,
    mkdir: (p) => must(store.transaction(() => mkdir(session, p, 0o755))),
    write: (p, d) => must(store.transaction(() => writeFile(session, p, d))),
    stat: (p) => must(stat(session, p)),
    read: (p) => must(readFile(session, p)),
    writeAt: (p, o, d) =>
      must(
        store.transaction(() => (o === 0 ? writeFile(session, p, d) : writeAt(session, p, o, d))),
      ),
    readAt: (p, o, l) => must(readFile(session, p, { offset: o, length: l })),
    close: () => {
      store.close();
      cleanup();
    },
  };
}

function native(dir: string): Target {
  const at = (p: string) => join(dir, p);
  return {
    name: "node:fs (native)",
    mkdir: (p) => mkdirSync(at(p)),
    write: (p, d) => writeFileSync(at(p), d),
    stat: (p) => statSync(at(p)),
    read: (p) => readFileSync(at(p)),
    writeAt: (p, o, d) => {
      const fd = openSync(at(p), o === 0 ? "w" : "r+");
      writeSync(fd, d, 0, d.length, o);
      closeSync(fd);
    },
    readAt: (p, o, l) => {
      const fd = openSync(at(p), "r");
      const out = new Uint8Array(l);
      readSync(fd, out, 0, l, o);
      closeSync(fd);
      return out;
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function workload(t: Target): Timings {
  const small = new Uint8Array(SMALL_SIZE).fill(97);
  const block = new Uint8Array(BLOCK).map((_, i) => i & 0xff);
  const names = Array.from({ length: SMALL_FILES }, (_, i) => `d${i % 100}/f${i}`);
  for (let d = 0; d < 100; d++) t.mkdir(`d${d}`);
  return {
    create: time(() => {
      for (const n of names) t.write(n, small);
    }),
    stat: time(() => {
      for (const n of names) t.stat(n);
    }),
    read: time(() => {
      for (const n of names) t.read(n);
    }),
    largeWrite: time(() => {
      for (let i = 0; i < LARGE_MIB; i++) t.writeAt("large.bin", i * BLOCK, block);
    }),
    largeRead: time(() => {
      for (let i = 0; i < LARGE_MIB; i++) t.readAt("large.bin", i * BLOCK, BLOCK);
    }),
  };
}

/** Runs the fs benchmark and prints its table. */
export async function runFsBench(): Promise<void> {
  const targets: (() => Target)[] = [
    () => native(mkdtempSync(join(tmpdir(), "accesslab-bench-native-"))),
    () => dataPlane("data plane, memory store", memoryStore(), () => undefined),
    () => {
      const dir = mkdtempSync(join(tmpdir(), "accesslab-bench-sqlite-"));
      return dataPlane("data plane, SQLite store", sqliteStore(join(dir, "state.db")), () =>
        rmSync(dir, { recursive: true, force: true }),
      );
    },
  ];
  const rows: { name: string; t: Timings }[] = [];
  for (const make of targets) {
    const target = make();
    try {
      rows.push({ name: target.name, t: workload(target) });
    } finally {
      target.close();
    }
  }
  const base = rows[0]?.t;
  const ops = (ms: number) => Math.round((SMALL_FILES / ms) * 1000).toLocaleString("en-US");
  const mibs = (ms: number) => `${Math.round((LARGE_MIB / ms) * 1000)} MiB/s`;
  const ratio = (ms: number, ref: number | undefined) => (ref ? `${(ms / ref).toFixed(1)}x` : "");
  console.log("\n## EFS data plane vs native fs\n");
  console.log(
    `| target | create ${SMALL_FILES.toLocaleString("en-US")} files (files/s) | stat | read | small-file total vs native | write ${LARGE_MIB} MiB | read ${LARGE_MIB} MiB |`,
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const { name, t } of rows) {
    const total = t.create + t.stat + t.read;
    const baseTotal = base ? base.create + base.stat + base.read : undefined;
    console.log(
      `| ${name} | ${ops(t.create)} | ${ops(t.stat)} | ${ops(t.read)} | ${ratio(total, baseTotal)} | ${mibs(t.largeWrite)} | ${mibs(t.largeRead)} |`,
    );
  }
  console.log(
    `\nmachine: ${platform()} ${release()}, ${cpus()[0]?.model ?? "?"} (${cpus().length} cpus), node ${process.version}; ${SMALL_SIZE}-byte files in 100 directories; the large file in 1 MiB blocks; each data-plane write is one store transaction.`,
  );
}
