/**
 * How lab steps read in a transcript: mount commands as the EFS mount
 * helper is invoked, `ls -la` and `stat` lines, mount summaries and
 * connection events, all from values the services return.
 */
import { modeString } from "../engines/posix/mode.js";
import type { ConnectionEvent } from "../services/efs/events.js";
import * as tree from "../services/efs/file-tree.js";
import { grantedActions, type Mount } from "../services/efs/mount.js";
import type { MountArgs } from "./steps.js";

/**
 * The mount command a person would run for these arguments.
 *
 * @example
 * mountCommand(args, "fs-0123…", "fsap-0123…", "us-east-1"); // "mount -t efs -o tls,iam,accesspoint=fsap-0123… fs-0123…:/ /mnt/fn"
 */
export function mountCommand(
  args: MountArgs,
  fileSystemId: string,
  accessPointId: string | undefined,
  region: string,
): string {
  const options = [
    args.tls ? "tls" : "",
    args.iam ? "iam" : "",
    accessPointId ? `accesspoint=${accessPointId}` : "",
  ].filter(Boolean);
  const who = `uid=${args.uid} gid=${args.gid} groups=${args.groups.join(",") || "none"}${args.principal === "anonymous" ? "" : `, IAM ${args.principal}`}`;
  const target = `/mnt/${args.id}`;
  const command =
    options.length > 0 || args.viaMountTarget === false
      ? `mount -t efs${options.length > 0 ? ` -o ${options.join(",")}` : ""} ${fileSystemId}:/ ${target}`
      : `mount -t nfs4 -o nfsvers=4.1 ${fileSystemId}.efs.${region}.amazonaws.com:/ ${target}`;
  return `${command}   # as ${who}${args.viaMountTarget ? "" : ", not through a mount target"}`;
}

/** The lines that summarize an accepted mount. */
export function describeMount(m: Mount, args: MountArgs): string[] {
  const granted = grantedActions(m.grants);
  const yes = (b: boolean) => (b ? "yes" : "no");
  const { identity } = m.session;
  const root = m.accessPoint?.rootDirectory.path ?? "/";
  const rootState = `${m.rootCreated ? "created" : "existing"}, ${m.root.uid}:${m.root.gid} ${modeString(m.root.mode)}`;
  const replaced = identity.uid !== args.uid || identity.gid !== args.gid;
  return [
    `authorized: ClientMount=${yes(granted.ClientMount)} ClientWrite=${yes(granted.ClientWrite)} ClientRootAccess=${yes(granted.ClientRootAccess)}${m.session.readOnly ? " (mounted read-only)" : ""}`,
    `operations run as uid=${identity.uid} gid=${identity.gid} groups=${identity.groups.join(",") || "none"}${replaced ? " (not the client's ids)" : ""}`,
    `root directory ${root} (${rootState})`,
  ];
}

/**
 * `ls -la` of a path: a directory's entries with `.` and `..`, or one file.
 */
export function formatListing(session: tree.FileSession, path: string): tree.FsResult<string[]> {
  const self = tree.lstat(session, path);
  if (!self.ok) return self;
  if (self.value.type !== "directory")
    return { ok: true, value: [line(self.value, path.split("/").pop() ?? path)] };
  const entries = tree.readdir(session, path);
  if (!entries.ok) return entries;
  const parent = tree.lstat(session, `${path.replace(/\/+$/, "")}/..`);
  const lines = [line(self.value, ".")];
  if (parent.ok) lines.push(line(parent.value, ".."));
  for (const entry of entries.value) {
    const child = tree.lstat(session, `${path.replace(/\/+$/, "")}/${entry.name}`);
    if (child.ok) lines.push(line(child.value, entry.name, child.value.target));
  }
  return { ok: true, value: lines };
}

/** One `stat -c '%A %h %u %g %s %n'` line. */
export function formatStat(s: tree.FileStat, name: string): string {
  return `${modeString(s.mode)} ${s.nlink} ${s.uid} ${s.gid} ${s.size} ${name}`;
}

function line(s: tree.FileStat, name: string, target?: string): string {
  return `${modeString(s.mode)} ${String(s.nlink).padStart(2)} ${String(s.uid).padStart(5)} ${String(s.gid).padStart(5)} ${String(s.size).padStart(6)} ${name}${target ? ` -> ${target}` : ""}`;
}

/** One connection event as a line. */
export function describeEvent(e: ConnectionEvent): string {
  const p = e.serviceEventDetails.permissions;
  const who = e.userIdentity.type === "Anonymous" ? "anonymous" : e.userIdentity.arn;
  const via =
    [e.serviceEventDetails.tls ? "tls" : "", e.serviceEventDetails.iam ? "iam" : ""]
      .filter(Boolean)
      .join(",") || "plain nfs";
  const outcome = e.errorCode ? `refused ${e.errorCode}` : "accepted";
  return `${e.eventName} ${outcome} from ${e.sourceIpAddress} as ${who} (${via})${e.accessPointId ? ` via ${e.accessPointId}` : ""}: ClientMount=${p.ClientMount} ClientWrite=${p.ClientWrite} ClientRootAccess=${p.ClientRootAccess}`;
}
