/**
 * The operations the kernel oracle replays on both sides, as plain JSON
 * (they cross a pipe to the worker processes), the identity pool, and the
 * fast-check arbitraries that generate sequences of them. Paths are
 * relative to the session root; a `..` never climbs above it lexically and
 * symbolic link targets are relative without `..`, so the real kernel,
 * which has no notion of the session root, can never leave the temporary
 * tree (the engine's confinement is tested in the file-tree unit tests).
 */
import fc from "fast-check";

/** One identity of the pool: groups, gid and uid a worker process takes. */
export interface PoolIdentity {
  readonly uid: number;
  readonly gid: number;
  readonly groups: readonly number[];
}

/** uid/gid drawn from {0, 1001, 1002, 993}, with supplementary groups. */
export const IDENTITIES: readonly PoolIdentity[] = [
  { uid: 0, gid: 0, groups: [] },
  { uid: 0, gid: 1001, groups: [993] },
  { uid: 1001, gid: 1001, groups: [] },
  { uid: 1001, gid: 1001, groups: [993] },
  { uid: 1002, gid: 1002, groups: [1001] },
  { uid: 1002, gid: 993, groups: [] },
  { uid: 993, gid: 993, groups: [1002] },
  { uid: 993, gid: 1002, groups: [993, 1001] },
];

/** open(2) flags of the `open` and `write` operations. */
export interface OracleOpenFlags {
  readonly read: boolean;
  readonly write: boolean;
  readonly create: boolean;
  readonly exclusive: boolean;
  readonly truncate: boolean;
  readonly append: boolean;
  readonly noFollow: boolean;
  readonly directory: boolean;
}

/**
 * A path argument as generated: a literal path, or a pick among the paths
 * that exist when the step runs (index modulo their number, in sorted
 * order), optionally with a name added and a trailing slash. Picks make
 * operations meet what earlier steps made; the tree they are picked from
 * is the engine's, equal to the kernel's until the first disagreement.
 */
export type PathSpec = string | PathPick;

/** Which existing paths a pick chooses among. */
export type PickAmong = "any" | "file" | "dir" | "symlink";

/** A pick among existing paths. */
export interface PathPick {
  readonly pick: number;
  readonly among: PickAmong;
  readonly add?: string | undefined;
  readonly slash: boolean;
}

/** An existing path and its type, as picks choose among them. */
export interface ExistingPath {
  readonly path: string;
  readonly type: "file" | "dir" | "symlink";
}

/** One operation, with its arguments; `P` is the type of its paths. */
export type OracleOpOf<P> =
  | { readonly op: "mkdir"; readonly path: P; readonly mode: number }
  | {
      readonly op: "open";
      readonly path: P;
      readonly flags: OracleOpenFlags;
      readonly mode: number;
    }
  | {
      readonly op: "write";
      readonly path: P;
      readonly flags: OracleOpenFlags;
      readonly mode: number;
      readonly data: string;
    }
  | { readonly op: "writeAt"; readonly path: P; readonly offset: number; readonly data: string }
  | { readonly op: "read"; readonly path: P }
  | { readonly op: "truncate"; readonly path: P; readonly size: number }
  | { readonly op: "unlink"; readonly path: P }
  | { readonly op: "rmdir"; readonly path: P }
  | { readonly op: "rename"; readonly from: P; readonly to: P }
  | { readonly op: "link"; readonly from: P; readonly to: P }
  | { readonly op: "symlink"; readonly target: string; readonly path: P }
  | { readonly op: "readlink"; readonly path: P }
  | { readonly op: "readdir"; readonly path: P }
  | { readonly op: "stat"; readonly path: P }
  | { readonly op: "lstat"; readonly path: P }
  | { readonly op: "access"; readonly path: P; readonly mode: number }
  | { readonly op: "chmod"; readonly path: P; readonly mode: number }
  | { readonly op: "chown"; readonly path: P; readonly uid: number; readonly gid: number }
  | { readonly op: "utimes"; readonly path: P; readonly atime: number; readonly mtime: number };

/** An operation as generated. */
export type OracleAction = OracleOpOf<PathSpec>;

/** An operation as run, with literal paths. */
export type OracleOp = OracleOpOf<string>;

/**
 * Turns picks into literal paths, choosing among `existing` (sorted paths
 * relative to the root, `.` for the root itself) of the type asked for,
 * or among all when there is none of that type (a pick never chooses the
 * root while there is anything else: its `.` only makes rmdir and rename
 * EINVAL or EBUSY; literal paths still name it).
 *
 * @example
 * concretize({ op: "stat", path: { pick: 1, among: "any", slash: false } },
 *   [{ path: ".", type: "dir" }, { path: "a", type: "file" }]); // { op: "stat", path: "a" }
 */
export function concretize(action: OracleAction, existing: readonly ExistingPath[]): OracleOp {
  const literal = (spec: PathSpec): string => {
    if (typeof spec === "string") return spec;
    const typed = existing.filter(
      (entry) => entry.path !== "." && (spec.among === "any" || entry.type === spec.among),
    );
    const pool = typed.length > 0 ? typed : existing;
    const base = pool[spec.pick % Math.max(1, pool.length)]?.path ?? ".";
    const path = spec.add === undefined ? base : base === "." ? spec.add : `${base}/${spec.add}`;
    return spec.slash ? `${path}/` : path;
  };
  switch (action.op) {
    case "rename":
    case "link":
      return { ...action, from: literal(action.from), to: literal(action.to) };
    default:
      return { ...action, path: literal(action.path) } as OracleOp;
  }
}

/** One step: who does what. */
export interface OracleStep {
  /** Index into IDENTITIES. */
  readonly who: number;
  readonly action: OracleAction;
}

/** A generated scenario: the root directory's setup, the umask, the steps. */
export interface OracleSequence {
  readonly rootMode: number;
  /** Index into IDENTITIES: the root directory's owner and group. */
  readonly rootOwner: number;
  readonly umask: number;
  readonly steps: readonly OracleStep[];
}

/** What a step returned, comparable across both sides. */
export type OracleOutcome =
  | { readonly ok: true; readonly value?: unknown }
  | { readonly ok: false; readonly errno: string };

const NAMES = ["a", "b"];
/** One byte over NAME_MAX. */
export const LONG_NAME = "n".repeat(256);

const component = fc.oneof(
  { arbitrary: fc.constantFrom(...NAMES), weight: 60 },
  { arbitrary: fc.constant("."), weight: 2 },
  { arbitrary: fc.constant(".."), weight: 5 },
  { arbitrary: fc.constant(LONG_NAME), weight: 1 },
);

/** Mostly short paths, so that operations meet what earlier steps made. */
const depth = fc.oneof(
  { arbitrary: fc.constant(1), weight: 6 },
  { arbitrary: fc.constant(2), weight: 5 },
  { arbitrary: fc.constant(3), weight: 1 },
);

/** Drops any `..` that would climb above the root, lexically. */
function confine(parts: readonly string[]): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const part of parts) {
    if (part === "..") {
      if (depth === 0) continue;
      depth--;
    } else if (part !== ".") {
      depth++;
    }
    out.push(part);
  }
  return out.length > 0 ? out : ["."];
}

const trailing = fc.oneof(
  { arbitrary: fc.constant(false), weight: 12 },
  { arbitrary: fc.constant(true), weight: 1 },
);

/** A relative path over a small name pool. */
export const pathArb: fc.Arbitrary<string> = fc
  .tuple(
    depth.chain((n) => fc.array(component, { minLength: n, maxLength: n })),
    trailing,
  )
  .map(([parts, slash]) => confine(parts).join("/") + (slash ? "/" : ""));

/**
 * A literal path (one time in three) or a pick among existing paths of
 * type `among`, with a new name added `addWeight` times in four.
 */
function pathSpecArb(among: PickAmong, addWeight = 1): fc.Arbitrary<PathSpec> {
  return fc.oneof(
    { arbitrary: pathArb, weight: 1 },
    {
      arbitrary: fc.record({
        pick: fc.nat(10_000),
        among: fc.oneof({ arbitrary: fc.constant(among), weight: 3 }, fc.constant("any" as const)),
        add: fc.oneof(
          { arbitrary: fc.constant(undefined), weight: 4 - addWeight },
          { arbitrary: fc.constantFrom(...NAMES, "c"), weight: addWeight },
        ),
        slash: fc.oneof({ arbitrary: fc.constant(false), weight: 12 }, fc.constant(true)),
      }),
      weight: 2,
    },
  );
}

/**
 * A relative symbolic link target without `..` and with at least one name
 * (a target of only `.` would put the walk a level shallower than the path
 * reads, and a later `..` could then climb out of the real tree).
 */
export const targetArb: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc
      .tuple(
        fc.array(
          fc.oneof(
            { arbitrary: fc.constantFrom(...NAMES), weight: 30 },
            { arbitrary: fc.constant("."), weight: 2 },
            { arbitrary: fc.constant(LONG_NAME), weight: 1 },
          ),
          { minLength: 1, maxLength: 2 },
        ),
        trailing,
      )
      .map(([parts, slash]) => {
        const named = parts.some((part) => part !== ".") ? parts : [...parts, "a"];
        return named.join("/") + (slash ? "/" : "");
      }),
    weight: 30,
  },
  { arbitrary: fc.constant(""), weight: 1 },
);

const DIR_MODES = [
  0o777, 0o755, 0o700, 0o770, 0o775, 0o1777, 0o2775, 0o2777, 0o711, 0o555, 0o000, 0o3777, 0o1770,
  0o730, 0o2070,
];
const FILE_MODES = [
  0o644, 0o666, 0o600, 0o640, 0o755, 0o444, 0o4755, 0o2755, 0o2644, 0o6777, 0o000, 0o777, 0o2070,
  0o2010, 0o060, 0o006,
];
const anyMode = fc.integer({ min: 0, max: 0o7777 });
const dirModeArb = fc.oneof({ arbitrary: fc.constantFrom(...DIR_MODES), weight: 4 }, anyMode);
const fileModeArb = fc.oneof({ arbitrary: fc.constantFrom(...FILE_MODES), weight: 4 }, anyMode);
const umaskArb = fc.oneof(
  { arbitrary: fc.constantFrom(0o000, 0o002), weight: 4 },
  { arbitrary: fc.constantFrom(0o022, 0o077, 0o027, 0o007), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 0o777 }), weight: 1 },
);
const idArb = fc.constantFrom(-1, 0, 1001, 1002, 993);
const dataArb = fc.constantFrom("", "hello", "0123456789", "z", "line\n");

const flagsArb = (write: boolean): fc.Arbitrary<OracleOpenFlags> =>
  fc.record({
    read: write ? fc.boolean() : fc.constant(true),
    write: write ? fc.constant(true) : fc.boolean(),
    create: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, fc.constant(false)),
    exclusive: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, fc.constant(true)),
    truncate: fc.boolean(),
    append: fc.boolean(),
    noFollow: fc.oneof({ arbitrary: fc.constant(false), weight: 6 }, fc.constant(true)),
    directory: write
      ? fc.constant(false)
      : fc.oneof({ arbitrary: fc.constant(false), weight: 6 }, fc.constant(true)),
  });

const op = <T extends OracleAction["op"]>(name: T) => fc.constant(name);
const weighted = <T>(arbitrary: fc.Arbitrary<T>, weight: number) => ({ arbitrary, weight });

/** One operation of any kind, weighted towards the interesting ones. */
export const opArb: fc.Arbitrary<OracleAction> = fc.oneof(
  weighted(fc.record({ op: op("mkdir"), path: pathSpecArb("dir", 3), mode: dirModeArb }), 3),
  weighted(
    fc.record({
      op: op("open"),
      path: pathSpecArb("file", 1),
      flags: flagsArb(false),
      mode: fileModeArb,
    }),
    2,
  ),
  weighted(
    fc.record({
      op: op("write"),
      path: pathSpecArb("file", 2),
      flags: flagsArb(true),
      mode: fileModeArb,
      data: dataArb,
    }),
    5,
  ),
  weighted(
    fc.record({
      op: op("writeAt"),
      path: pathSpecArb("file", 0),
      offset: fc.integer({ min: 0, max: 12 }),
      data: dataArb,
    }),
    1,
  ),
  weighted(fc.record({ op: op("read"), path: pathSpecArb("file", 0) }), 2),
  weighted(
    fc.record({
      op: op("truncate"),
      path: pathSpecArb("file", 0),
      size: fc.integer({ min: 0, max: 12 }),
    }),
    1,
  ),
  weighted(fc.record({ op: op("unlink"), path: pathSpecArb("file", 0) }), 2),
  weighted(fc.record({ op: op("rmdir"), path: pathSpecArb("dir", 0) }), 2),
  weighted(
    fc.record({ op: op("rename"), from: pathSpecArb("any", 0), to: pathSpecArb("any", 2) }),
    4,
  ),
  weighted(
    fc.record({ op: op("link"), from: pathSpecArb("file", 0), to: pathSpecArb("dir", 3) }),
    2,
  ),
  weighted(fc.record({ op: op("symlink"), target: targetArb, path: pathSpecArb("dir", 3) }), 3),
  weighted(fc.record({ op: op("readlink"), path: pathSpecArb("symlink", 0) }), 1),
  weighted(fc.record({ op: op("readdir"), path: pathSpecArb("dir", 0) }), 1),
  weighted(fc.record({ op: op("stat"), path: pathSpecArb("any", 0) }), 2),
  weighted(fc.record({ op: op("lstat"), path: pathSpecArb("any", 0) }), 1),
  weighted(
    fc.record({
      op: op("access"),
      path: pathSpecArb("any", 0),
      mode: fc.integer({ min: 0, max: 7 }),
    }),
    1,
  ),
  weighted(
    fc.record({
      op: op("chmod"),
      path: pathSpecArb("any", 0),
      mode: fc.oneof(dirModeArb, fileModeArb),
    }),
    4,
  ),
  weighted(fc.record({ op: op("chown"), path: pathSpecArb("any", 0), uid: idArb, gid: idArb }), 3),
  weighted(
    fc.record({
      op: op("utimes"),
      path: pathSpecArb("any", 0),
      atime: fc.integer({ min: 0, max: 2_000_000_000 }),
      mtime: fc.integer({ min: 0, max: 2_000_000_000 }),
    }),
    1,
  ),
);

/**
 * A whole scenario of `steps` operations, by two to four identities of the
 * pool (fewer people per tree means more of them meet each other's files).
 */
export function sequenceArb(steps: number): fc.Arbitrary<OracleSequence> {
  const cast = fc.uniqueArray(fc.nat(IDENTITIES.length - 1), { minLength: 2, maxLength: 4 });
  return cast.chain((who) =>
    fc.record({
      rootMode: fc.oneof(
        { arbitrary: fc.constantFrom(0o777, 0o1777, 0o2777, 0o3777), weight: 5 },
        { arbitrary: dirModeArb, weight: 1 },
      ),
      rootOwner: fc.constantFrom(...who),
      umask: umaskArb,
      steps: fc.array(fc.record({ who: fc.constantFrom(...who), action: opArb }), {
        minLength: steps,
        maxLength: steps,
      }),
    }),
  );
}
