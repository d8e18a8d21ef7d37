/**
 * Lab steps: one action each (mount, write, read, mkdir, rm, chmod, chown,
 * ls, stat, rename, symlink, events, policy) with its arguments, and an
 * optional expectation: `ok`, an errno such as `EACCES`, or a mount refusal
 * code such as `access-denied`.
 */
import {
  readArray,
  readBoolean,
  readInteger,
  readObject,
  readString,
  required,
  ShapeError,
} from "../formats/json-read.js";
import type { JsonNode } from "../formats/json-tree.js";
import { optional } from "../formats/optional.js";
import type { SourcePosition } from "../formats/position.js";

/** Mount arguments (defaults filled in from `defaults.mount`). */
export interface MountArgs {
  readonly id: string;
  readonly fileSystem: string;
  readonly accessPoint?: string;
  /** A principal name from the scenario, or `anonymous`. */
  readonly principal: string;
  readonly uid: number;
  readonly gid: number;
  readonly groups: readonly number[];
  readonly tls: boolean;
  readonly iam: boolean;
  readonly sourceIp: string;
  readonly viaMountTarget: boolean;
}

/** Every step kind with its arguments. */
export type LabAction =
  | { readonly kind: "mount"; readonly args: MountArgs }
  | {
      readonly kind: "write";
      readonly mount: string;
      readonly path: string;
      readonly data: string;
      readonly append: boolean;
      readonly mode?: number;
    }
  | { readonly kind: "read"; readonly mount: string; readonly path: string }
  | { readonly kind: "mkdir"; readonly mount: string; readonly path: string; readonly mode: number }
  | { readonly kind: "rm"; readonly mount: string; readonly path: string }
  | { readonly kind: "chmod"; readonly mount: string; readonly path: string; readonly mode: number }
  | {
      readonly kind: "chown";
      readonly mount: string;
      readonly path: string;
      readonly uid?: number;
      readonly gid?: number;
    }
  | { readonly kind: "ls"; readonly mount: string; readonly path: string }
  | { readonly kind: "stat"; readonly mount: string; readonly path: string }
  | { readonly kind: "rename"; readonly mount: string; readonly from: string; readonly to: string }
  | {
      readonly kind: "symlink";
      readonly mount: string;
      readonly target: string;
      readonly path: string;
    }
  | { readonly kind: "events"; readonly fileSystem: string }
  | { readonly kind: "policy"; readonly fileSystem: string; readonly document: JsonNode | null };

/** A step: its action, expectation and where it was written. */
export type LabStep = LabAction & { readonly expect?: string; readonly position?: SourcePosition };

/** Mount fields that `defaults.mount` may set for every mount step. */
export const MOUNT_DEFAULT_KEYS = [
  "principal",
  "uid",
  "gid",
  "groups",
  "tls",
  "iam",
  "sourceIp",
  "viaMountTarget",
];

/** Reads `defaults.mount` (absent: no defaults). */
export function readMountDefaults(node: JsonNode | undefined): ReadonlyMap<string, JsonNode> {
  return node ? readObject(node, "defaults.mount", MOUNT_DEFAULT_KEYS) : new Map();
}

const ACTIONS = [
  "mount",
  "write",
  "read",
  "mkdir",
  "rm",
  "chmod",
  "chown",
  "ls",
  "stat",
  "rename",
  "symlink",
  "events",
  "policy",
];

/**
 * Reads one step.
 *
 * @example
 * readStep(node, "steps[0]", undefined); // { kind: "ls", mount: "m1", path: "/" }
 */
export function readStep(
  node: JsonNode,
  where: string,
  mountDefaults: ReadonlyMap<string, JsonNode>,
): LabStep {
  const m = readObject(node, where, [...ACTIONS, "expect"]);
  const actions = [...m.keys()].filter((k) => k !== "expect");
  if (actions.length !== 1) {
    throw new ShapeError(
      `${where} must have exactly one action (${ACTIONS.join(", ")}), found ${actions.length}`,
      node.position,
    );
  }
  const kind = actions[0] ?? "";
  const body = m.get(kind) as JsonNode;
  const expect = m.get("expect");
  const action = readAction(kind, body, `${where}.${kind}`, mountDefaults);
  return {
    ...action,
    ...optional(
      "expect",
      expect
        ? expect.kind === "string"
          ? expect.value
          : readString(expect, `${where}.expect`)
        : undefined,
    ),
    ...optional("position", node.position),
  } as LabStep;
}

function readAction(
  kind: string,
  node: JsonNode,
  where: string,
  mountDefaults: ReadonlyMap<string, JsonNode>,
): LabAction {
  const fields = (keys: string[]) => readObject(node, where, keys);
  const str = (m: Map<string, JsonNode>, key: string) =>
    readString(required(m, key, where, node.position), `${where}.${key}`);
  switch (kind) {
    case "mount":
      return { kind, args: readMount(node, where, mountDefaults) };
    case "write": {
      const m = fields(["mount", "path", "data", "append", "mode"]);
      const append = m.get("append");
      const mode = m.get("mode");
      return {
        kind,
        mount: str(m, "mount"),
        path: str(m, "path"),
        data: str(m, "data"),
        append: append ? readBoolean(append, `${where}.append`) : false,
        ...optional("mode", mode ? readMode(mode, `${where}.mode`) : undefined),
      };
    }
    case "mkdir": {
      const m = fields(["mount", "path", "mode"]);
      const mode = m.get("mode");
      return {
        kind,
        mount: str(m, "mount"),
        path: str(m, "path"),
        mode: mode ? readMode(mode, `${where}.mode`) : 0o777,
      };
    }
    case "chmod": {
      const m = fields(["mount", "path", "mode"]);
      return {
        kind,
        mount: str(m, "mount"),
        path: str(m, "path"),
        mode: readMode(required(m, "mode", where, node.position), `${where}.mode`),
      };
    }
    case "chown": {
      const m = fields(["mount", "path", "uid", "gid"]);
      const uid = m.get("uid");
      const gid = m.get("gid");
      if (!uid && !gid) throw new ShapeError(`${where} needs \`uid\` or \`gid\``, node.position);
      return {
        kind,
        mount: str(m, "mount"),
        path: str(m, "path"),
        ...optional("uid", uid ? readInteger(uid, `${where}.uid`, 0, 4_294_967_295) : undefined),
        ...optional("gid", gid ? readInteger(gid, `${where}.gid`, 0, 4_294_967_295) : undefined),
      };
    }
    case "read":
    case "rm":
    case "ls":
    case "stat": {
      const m = fields(["mount", "path"]);
      return { kind, mount: str(m, "mount"), path: str(m, "path") };
    }
    case "rename": {
      const m = fields(["mount", "from", "to"]);
      return { kind, mount: str(m, "mount"), from: str(m, "from"), to: str(m, "to") };
    }
    case "symlink": {
      const m = fields(["mount", "target", "path"]);
      return { kind, mount: str(m, "mount"), target: str(m, "target"), path: str(m, "path") };
    }
    case "events": {
      const m = fields(["fileSystem"]);
      return { kind, fileSystem: str(m, "fileSystem") };
    }
    default: {
      const m = fields(["fileSystem", "document"]);
      const doc = required(m, "document", where, node.position);
      return {
        kind: "policy",
        fileSystem: str(m, "fileSystem"),
        document: doc.kind === "null" ? null : doc,
      };
    }
  }
}

function readMount(node: JsonNode, where: string, base: ReadonlyMap<string, JsonNode>): MountArgs {
  const own = readObject(node, where, ["id", "fileSystem", "accessPoint", ...MOUNT_DEFAULT_KEYS]);
  const get = (key: string) => own.get(key) ?? base.get(key);
  const int = (key: string, fallback: number) => {
    const n = get(key);
    return n ? readInteger(n, `${where}.${key}`, 0, 4_294_967_295) : fallback;
  };
  const bool = (key: string, fallback: boolean) => {
    const n = get(key);
    return n ? readBoolean(n, `${where}.${key}`) : fallback;
  };
  const text = (key: string, fallback: string | undefined) => {
    const n = get(key);
    if (n) return readString(n, `${where}.${key}`);
    if (fallback === undefined) throw new ShapeError(`${where} has no \`${key}\``, node.position);
    return fallback;
  };
  const gid = int("gid", 0);
  const groups = get("groups");
  const accessPoint = get("accessPoint");
  return {
    id: text("id", undefined),
    fileSystem: text("fileSystem", undefined),
    ...optional(
      "accessPoint",
      accessPoint ? readString(accessPoint, `${where}.accessPoint`) : undefined,
    ),
    principal: text("principal", "anonymous"),
    uid: int("uid", 0),
    gid,
    groups: groups
      ? readArray(groups, `${where}.groups`).map((g) =>
          readInteger(g, `${where}.groups`, 0, 4_294_967_295),
        )
      : [gid],
    tls: bool("tls", true),
    iam: bool("iam", false),
    sourceIp: text("sourceIp", "10.0.1.15"),
    viaMountTarget: bool("viaMountTarget", true),
  };
}

/** Reads a mode as an octal string ("755") or a number written in octal digits (755). */
function readMode(node: JsonNode, where: string): number {
  const text = node.kind === "number" ? String(node.value) : readString(node, where);
  if (!/^[0-7]{3,4}$/.test(text))
    throw new ShapeError(
      `\`${where}\` must be 3 or 4 octal digits, found \`${text}\``,
      node.position,
    );
  return Number.parseInt(text, 8);
}
