/**
 * The identity a container's main process runs as, from its definition's
 * `user` (docker run --user forms: `user`, `user:group`, `uid`, `uid:gid`,
 * `user:gid`, `uid:group`). When accesslab runs as root on Linux the
 * process really switches to it; names are resolved through the host's
 * `/etc/passwd` and `/etc/group` (no private passwd view is built: the
 * container sees the host's files, so a name must exist on the host). An
 * absent `user` is root, as in an image without a USER. Anywhere else the
 * identity is nominal: the process keeps accesslab's own user.
 */
import { readFileSync } from "node:fs";
import { CANNOT_START } from "./assumptions.js";

/** A resolved identity: uid, gid and the home directory Docker would give. */
export interface ContainerIdentity {
  readonly uid: number;
  readonly gid: number;
  readonly home: string;
}

/** The identity to spawn with, or why the container cannot start. */
export type IdentityResult =
  | { readonly ok: true; readonly identity: ContainerIdentity | undefined }
  | { readonly ok: false; readonly reason: string };

interface Entry {
  readonly name: string;
  readonly id: number;
  readonly gid: number;
  readonly home: string;
}

function readTable(path: string): Entry[] {
  let text = "";
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .map((line) => line.split(":"))
    .filter((f) => f.length >= 3 && f[0] !== "")
    .map((f) => ({
      name: f[0] ?? "",
      id: Number(f[2]),
      gid: Number(f[3] ?? f[2]),
      home: f[5] ?? "/",
    }));
}

/**
 * Resolves `user` against the given passwd and group files.
 *
 * @example
 * resolveUser("1000:1000", { passwd: [], group: [] }); // { ok: true, identity: { uid: 1000, gid: 1000, home: "/" } }
 */
export function resolveUser(
  user: string | undefined,
  tables: { readonly passwd: readonly Entry[]; readonly group: readonly Entry[] },
): IdentityResult {
  if (user === undefined || user === "") {
    const root = tables.passwd.find((e) => e.id === 0);
    return { ok: true, identity: { uid: 0, gid: 0, home: root?.home ?? "/root" } };
  }
  const [name = "", group] = user.split(":");
  const numeric = /^\d+$/.test(name);
  const entry = numeric
    ? tables.passwd.find((e) => e.id === Number(name))
    : tables.passwd.find((e) => e.name === name);
  if (!numeric && entry === undefined)
    return {
      ok: false,
      reason: `${CANNOT_START}: unable to find user ${name}: no matching entries in passwd file`,
    };
  const uid = numeric ? Number(name) : (entry?.id ?? 0);
  let gid = entry?.gid ?? uid;
  if (group !== undefined) {
    if (/^\d+$/.test(group)) gid = Number(group);
    else {
      const found = tables.group.find((g) => g.name === group);
      if (!found)
        return {
          ok: false,
          reason: `${CANNOT_START}: unable to find group ${group}: no matching entries in group file`,
        };
      gid = found.id;
    }
  }
  return { ok: true, identity: { uid, gid, home: entry?.home ?? "/" } };
}

/**
 * The identity for a container on this host: real when root on Linux, else nominal (undefined).
 *
 * @example
 * containerIdentity("appuser"); // { ok: true, identity: { uid: 1001, gid: 1001, home: "/home/appuser" } } as root
 */
export function containerIdentity(
  user: string | undefined,
  platform: NodeJS.Platform = process.platform,
  currentUid: number | undefined = process.getuid?.(),
): IdentityResult {
  if (platform !== "linux" || currentUid !== 0) return { ok: true, identity: undefined };
  return resolveUser(user, { passwd: readTable("/etc/passwd"), group: readTable("/etc/group") });
}
