/**
 * Test support for the EFS runtime: an in-memory file system with a root
 * session, and an access point root `/ap` owned by `owner` with a session
 * on it as `uid`, the way a mount through an access point sees the data
 * plane.
 */
import { makeIdentity } from "../../../engines/posix/identity.js";
import type { ServiceContext } from "../../../services/context.js";
import {
  type FileSession,
  initializeFileSystem,
  ROOT_INO,
} from "../../../services/efs/file-tree.js";
import { memoryStore } from "../../../store/memory/store.js";
import { runOp } from "./bridge-ops.js";

/** A context, a root session, and a session on `/ap`. */
export interface TestFileSystem {
  readonly ctx: ServiceContext;
  readonly root: FileSession;
  readonly session: FileSession;
}

/**
 * A fresh file system whose `/ap` (mode 755, owned `owner:owner`) is the root of `session`, run as `uid`.
 *
 * @example
 * const { ctx, session } = testFileSystem({ uid: 1000 });
 */
export function testFileSystem(
  options: { uid?: number; owner?: number; readOnly?: boolean; clock?: () => number } = {},
): TestFileSystem {
  const { uid = 1000, owner = uid, readOnly = false, clock = () => 1_700_000_000_000 } = options;
  const store = memoryStore();
  const ctx: ServiceContext = {
    store,
    clock,
    random: (n) => new Uint8Array(n),
    account: "000000000000",
    region: "us-east-1",
  };
  const tree = store.tree("fs-0123456789abcdef0");
  initializeFileSystem(tree, clock());
  const root: FileSession = {
    tree,
    identity: makeIdentity(0, 0),
    rootIno: ROOT_INO,
    readOnly: false,
    umask: 0o022,
    clock,
  };
  runOp(ctx, root, { op: "mkdir", path: "/ap", mode: 0o755, recursive: false });
  runOp(ctx, root, { op: "chown", path: "/ap", uid: owner, gid: owner });
  const ap = runOp(ctx, root, { op: "stat", path: "/ap" }) as { value: { ino: number } };
  const session = { ...root, identity: makeIdentity(uid, uid), rootIno: ap.value.ino, readOnly };
  return { ctx, root, session };
}
