/**
 * Mounting an EFS file system as AWS does it: the mount helper's option
 * rules, the file system and access point lookups, IAM authorization of
 * ClientMount/ClientWrite/ClientRootAccess, the access point's root
 * directory, and the identity every later operation runs as. Every attempt,
 * accepted or refused, appends a connection event.
 */
import type { Identity } from "../../engines/posix/identity.js";
import type { IamCaller } from "./client-caller.js";
import type { EfsContext } from "./context.js";
import { getAccessPoint, getFileSystem } from "./control-plane.js";
import { EfsError } from "./errors.js";
import { type ConnectionEvent, connectionStream } from "./events.js";
import type { FileSession, FileStat } from "./file-tree.js";
import { mapIdentity } from "./identity-mapping.js";
import type { AccessPoint, FileSystem } from "./model.js";
import {
  authorizeClient,
  CLIENT_ACTIONS,
  type ClientAction,
  type ClientGrants,
} from "./mount-authorize.js";
import { prepareRootDirectory, type RootDirectoryProblem } from "./root-directory.js";

/** What a client asks for when it mounts. */
export interface MountRequest {
  readonly fileSystemId: string;
  readonly accessPointId?: string;
  /** The client process's own identity. */
  readonly client: Identity;
  /** The IAM principal the mount helper signs as; required with `iam`. */
  readonly caller?: IamCaller;
  /** Mount helper `tls` option (TLS tunnel to the mount target). */
  readonly tls: boolean;
  /** Mount helper `iam` option (IAM authorization). */
  readonly iam: boolean;
  readonly viaMountTarget: boolean;
  readonly sourceIp: string;
  /** The client's umask for new files; default 022. */
  readonly umask?: number;
}

/** Why a mount was refused. */
export type MountRefusalCode =
  | "iam-requires-tls"
  | "access-point-requires-tls"
  | "no-credentials"
  | "file-system-not-found"
  | "access-point-not-found"
  | "access-denied"
  | RootDirectoryProblem;

/** A refused mount: a stable code and the message the client would print. */
export interface MountRefusal {
  readonly code: MountRefusalCode;
  readonly message: string;
  readonly grants?: ClientGrants;
}

/** An accepted mount. */
export interface Mount {
  readonly fileSystem: FileSystem;
  readonly accessPoint?: AccessPoint;
  readonly grants: ClientGrants;
  /** The data-plane session: mapped identity, root, read-only without ClientWrite. */
  readonly session: FileSession;
  readonly root: FileStat;
  /** True when this mount created the access point's root directory. */
  readonly rootCreated: boolean;
}

const DENIED = "mount.nfs4: access denied by server while mounting 127.0.0.1:/";

/**
 * Mounts; returns the mount or the refusal.
 *
 * @example
 * const result = mount(ctx, { fileSystemId, client: { uid: 993, gid: 990, groups: [990] },
 *   tls: true, iam: false, viaMountTarget: true, sourceIp: "10.0.1.15" });
 */
export function mount(
  ctx: EfsContext,
  request: MountRequest,
): { mount: Mount } | { refusal: MountRefusal } {
  const refuse = (
    code: MountRefusalCode,
    message: string,
    fs?: FileSystem,
    grants?: ClientGrants,
  ) => {
    if (fs)
      record(ctx, request, fs, grants, code === "access-denied" ? "AccessDenied" : code, message);
    return { refusal: { code, message, ...(grants ? { grants } : {}) } };
  };
  if (request.iam && !request.tls)
    return refuse("iam-requires-tls", 'The "tls" option is required when mounting via "iam"');
  if (request.accessPointId && !request.tls) {
    return refuse(
      "access-point-requires-tls",
      'The "tls" option is required when mounting via "accesspoint"',
    );
  }
  if (request.iam && !request.caller)
    return refuse(
      "no-credentials",
      "Error retrieving AWS security credentials: no credentials found",
    );
  const fs = find(() => getFileSystem(ctx, request.fileSystemId));
  if (!fs)
    return refuse(
      "file-system-not-found",
      `Failed to resolve "${request.fileSystemId}.efs.${ctx.region}.amazonaws.com"`,
    );
  const ap = request.accessPointId
    ? find(() => getAccessPoint(ctx, request.accessPointId as string))
    : undefined;
  if (request.accessPointId && (!ap || ap.fileSystemId !== fs.fileSystemId)) {
    return refuse(
      "access-point-not-found",
      `Access point ${request.accessPointId} does not exist on ${fs.fileSystemId}`,
      fs,
    );
  }
  // Without the `iam` option the mount helper signs nothing: EFS sees an anonymous client.
  const grants = authorizeClient(fs, ap, {
    ...(request.iam && request.caller ? { caller: request.caller } : {}),
    tls: request.tls,
    viaMountTarget: request.viaMountTarget,
    sourceIp: request.sourceIp,
  });
  if (grants.ClientMount.decision !== "Allowed") return refuse("access-denied", DENIED, fs, grants);
  const tree = ctx.store.tree(fs.fileSystemId);
  const prepared = ctx.store.transaction(() =>
    prepareRootDirectory(tree, ap?.rootDirectory ?? { path: "/" }, ctx.clock),
  );
  if ("problem" in prepared)
    return refuse(prepared.problem, rootMessage(prepared.problem, ap), fs, grants);
  const identity = mapIdentity(
    request.client,
    ap?.posixUser,
    grants.ClientRootAccess.decision === "Allowed",
  );
  record(ctx, request, fs, grants);
  return {
    mount: {
      fileSystem: fs,
      ...(ap ? { accessPoint: ap } : {}),
      grants,
      root: prepared.root,
      rootCreated: prepared.created,
      session: {
        tree,
        identity,
        rootIno: prepared.root.ino,
        readOnly: grants.ClientWrite.decision !== "Allowed",
        umask: request.umask ?? 0o022,
        clock: ctx.clock,
      },
    },
  };
}

/** Which of the three client actions were granted. */
export function grantedActions(grants: ClientGrants | undefined): Record<ClientAction, boolean> {
  const out = {} as Record<ClientAction, boolean>;
  for (const action of CLIENT_ACTIONS) out[action] = grants?.[action].decision === "Allowed";
  return out;
}

function rootMessage(problem: RootDirectoryProblem, ap: AccessPoint | undefined): string {
  const path = ap?.rootDirectory.path ?? "/";
  if (problem === "root-directory-missing") {
    return `mount.nfs4: mounting 127.0.0.1:/ failed, reason given by server: No such file or directory (access point root ${path} does not exist and the access point has no CreationInfo)`;
  }
  if (problem === "root-directory-not-searchable") {
    return `mount.nfs4: access denied by server while mounting 127.0.0.1:/ (access point root ${path} has no execute bit)`;
  }
  return `mount.nfs4: mounting 127.0.0.1:/ failed, reason given by server: Not a directory (${path})`;
}

function record(
  ctx: EfsContext,
  request: MountRequest,
  fs: FileSystem,
  grants: ClientGrants | undefined,
  errorCode?: string,
  errorMessage?: string,
) {
  const event: ConnectionEvent = {
    eventName: "NewClientConnection",
    eventTime: new Date(ctx.clock()).toISOString(),
    fileSystemId: fs.fileSystemId,
    ...(request.accessPointId ? { accessPointId: request.accessPointId } : {}),
    sourceIpAddress: request.sourceIp,
    userIdentity:
      request.iam && request.caller
        ? { type: "AWSPrincipal", arn: request.caller.principal }
        : { type: "Anonymous" },
    ...(errorCode ? { errorCode } : {}),
    ...(errorMessage ? { errorMessage } : {}),
    serviceEventDetails: {
      permissions: grantedActions(grants),
      tls: request.tls,
      iam: request.iam,
    },
  };
  ctx.store.events.append(connectionStream(fs.fileSystemId), event);
}

function find<T>(lookup: () => T): T | undefined {
  try {
    return lookup();
  } catch (error) {
    if (error instanceof EfsError) return undefined;
    throw error;
  }
}
