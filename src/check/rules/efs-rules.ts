/**
 * Rules about EFS access points and file systems (seeds-digest sections 1
 * and 2): the POSIX identity an access point enforces, how its root
 * directory comes to exist and whom it lets in, and who may mount a file
 * system at all. Each finding comes from a probe run in the emulator (a
 * mount, a write, an anonymous mount attempt), never from the template's
 * text alone.
 */
import type { RuleDefinition } from "../rule.js";

/**
 * The EFS rules.
 *
 * @example
 * EFS_RULES.find((r) => r.id === "efs-anonymous-mount-allowed")?.severity; // "warning"
 */
export const EFS_RULES: readonly RuleDefinition[] = [
  {
    id: "efs-access-point-root-user",
    area: "efs",
    severity: "warning",
    title: "access point {accessPoint} acts as root (PosixUser 0:0)",
    explanation:
      "Every NFS operation through {accessPoint} runs as uid 0 and gid 0, whatever identity the client process has (a Lambda function still prints `uid=993(sbx_user1051)` from `id -a`). EFS does not squash root by default, so permission checks are skipped, and every file and directory created through {accessPoint} is owned by root:root. Clients that come later through an access point with a non-root PosixUser cannot append to those files, and cannot read them when their mode gives others nothing (the field report's `-rwx------ root root first.txt`). When the file system has a policy, mounting as uid or gid 0 also needs `elasticfilesystem:ClientRootAccess`.",
    fix: 'Give {accessPoint} a fixed non-root PosixUser (for example Uid "1001", Gid "1001") and a RootDirectory.CreationInfo owned by the same uid and gid: Permissions "770" for a private read-write directory, "750" when the owner alone writes, "777" only when other users must write too.',
  },
  {
    id: "efs-access-point-no-posix-user",
    area: "efs",
    severity: "warning",
    title: "access point {accessPoint} has no PosixUser: each client acts as its own uid",
    explanation:
      "Without a PosixUser, EFS uses the uid and gid the NFS client sends. A Lambda function runs as a sandbox user the runtime picks (`sbx_user1051`, uid 993, gid 990 observed on Amazon Linux 2 runtimes; neither documented nor chosen by you), so files it creates belong to that uid, and the root directory's owner and mode are checked against it rather than against a user you control. A directory created for a chosen owner (for example 1002:1002 mode 764) then gives the function only the permissions of others.",
    fix: "Set PosixUser on {accessPoint} to the uid and gid that own its root directory (the CreationInfo OwnerUid and OwnerGid), so every client of the access point acts as that user.",
  },
  {
    id: "efs-access-point-no-creation-info",
    area: "efs",
    severity: "warning",
    title: "access point {accessPoint} has root directory `{path}` but no CreationInfo",
    explanation:
      "EFS creates an access point's root directory at the first mount, and only when RootDirectory.CreationInfo is given. CreateAccessPoint accepts {accessPoint} without complaint, but until something else creates `{path}` on {fileSystem}, every mount through it fails; a Lambda function using it fails to start with \"The function couldn't mount the Amazon EFS file system with access point arn:...\". On a new file system nothing else creates it.",
    fix: 'Add RootDirectory.CreationInfo to {accessPoint} with all three fields (for example OwnerUid and OwnerGid equal to the PosixUser\'s Uid and Gid, Permissions "750" or "770"), or point Path at a directory that is created before any client mounts.',
  },
  {
    id: "efs-access-point-root-not-writable",
    area: "efs",
    severity: "warning",
    title:
      "access point {accessPoint} enforces {uid}:{gid}, which cannot write in its root `{path}`",
    explanation:
      "EFS creates `{path}` as {ownerUid}:{ownerGid} mode {mode} (from CreationInfo, or as it already existed: an existing directory keeps its owner and mode whatever CreationInfo says) and checks every operation through {accessPoint} as {uid}:{gid} with its secondary gids. Creating a file needs write and execute permission on the directory, and the class that applies to {uid}:{gid} (owner, group or others) lacks one of them, so every file creation through {accessPoint} fails with `Permission denied`.",
    fix: 'Make CreationInfo OwnerUid and OwnerGid equal to the PosixUser {uid}:{gid} with Permissions "770" (or "750" when only the owner writes); use "777" only when users other than the owner must write too. A directory that already exists has to be fixed with chown/chmod.',
  },
  {
    id: "efs-access-point-root-not-searchable",
    area: "efs",
    severity: "error",
    title: "access point {accessPoint} enforces {uid}:{gid}, which cannot enter its root `{path}`",
    explanation:
      "An access point's root directory must give its PosixUser the execute (search) bit through the owner, group or others class, or EFS refuses the mount. `{path}` is {ownerUid}:{ownerGid} mode {mode}, which gives {uid}:{gid} no execute bit, so every mount through {accessPoint} fails.",
    fix: 'Own `{path}` by the PosixUser (CreationInfo OwnerUid and OwnerGid {uid}:{gid}) with Permissions "750" or "770", or "755" when others only read.',
  },
  {
    id: "efs-access-point-file-system-root",
    area: "efs",
    severity: "warning",
    title: "access point {accessPoint} exposes the whole file system (`/`)",
    explanation:
      "RootDirectory.Path of {accessPoint} is `/` (or missing, which means `/`), so its clients see every directory of {fileSystem}, including the subtrees other access points confine their applications to, with the permissions of {accessPoint}'s PosixUser. An access point is the way to confine an application to its own directory; this one confines nothing.",
    fix: 'Set RootDirectory.Path of {accessPoint} to the application\'s own directory (for example `/app`) with a CreationInfo owned by its PosixUser (Permissions "750" or "770").',
  },
  {
    id: "efs-access-point-cross-user-files",
    area: "efs",
    severity: "warning",
    title: "files created through {otherAccessPoint} cannot be changed through {accessPoint}",
    explanation:
      "{accessPoint} and {otherAccessPoint} expose the same directory `{path}` as different users ({uid}:{gid} and {otherUid}:{otherGid}). A file created through {otherAccessPoint} belongs to {otherUid}:{otherGid} with the mode the creating process asked for (0644 with the usual umask), so a client of {accessPoint} gets `Permission denied` when it appends to or rewrites it, and cannot read it at all when its mode gives others nothing. The directory's mode does not help: the file's owner and mode decide.",
    fix: "Use the same PosixUser on every access point that shares `{path}`, or put the users in a shared group (PosixUser Gid or SecondaryGids) and create group-writable files; otherwise give each application its own root directory.",
  },
  {
    id: "efs-anonymous-mount-allowed",
    area: "efs",
    severity: "warning",
    title: "anonymous clients can mount file system {fileSystem}",
    explanation:
      "With no file system policy, EFS applies a default that grants full access (mount, write and root) to any client that can reach a mount target, with no IAM authorization; the same holds when the policy allows `elasticfilesystem:ClientMount` to `*` without a condition only IAM clients meet. The probe mounted {fileSystem} from {source} with plain NFS and no credentials, and it succeeded: any host the mount targets' security groups admit can read and rewrite every file, whatever the access points enforce.",
    fix: 'Add a FileSystemPolicy that allows `elasticfilesystem:ClientMount` (and ClientWrite where needed) only to the roles that use {fileSystem}, for example with the condition `"Bool": {"elasticfilesystem:AccessedViaMountTarget": "true"}`; clients then mount with `-o tls,iam` (Lambda does this itself) and anonymous mounts are refused with "access denied by server while mounting". In CDK, enable the `@aws-cdk/aws-efs:denyAnonymousAccess` feature flag.',
  },
  {
    id: "efs-write-without-mount",
    area: "efs",
    severity: "error",
    title: "the policy of {fileSystem} grants {actions} to {principal} without ClientMount",
    explanation:
      '`elasticfilesystem:ClientWrite` and `ClientRootAccess` do not include the right to mount: without `elasticfilesystem:ClientMount` an NFS client cannot mount at all, so the other permissions are unusable. {principal} gets ClientMount neither from the file system policy of {fileSystem} nor from its own identity policies (within one account either is enough), so its mounts are refused with "access denied by server while mounting".',
    fix: "Add `elasticfilesystem:ClientMount` to the statement of the file system policy that grants {actions} to {principal}, or to {principal}'s identity policy.",
  },
];
