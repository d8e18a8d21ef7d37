import { describe, expect, it } from "vitest";
import { launchOptions, mountScript, type RealMountPlan } from "./launcher.js";

const tools = {
  unshare: "/usr/bin/unshare",
  sh: "/bin/sh",
  mount: "/usr/bin/mount",
  mkdir: "/bin/mkdir",
  setpriv: "/usr/bin/setpriv",
};
const plan: RealMountPlan = {
  tools,
  mounts: [
    { localMountPath: "/mnt/data", fd: 31 },
    { localMountPath: "/mnt/it's", fd: 32 },
  ],
};

describe("launchOptions", () => {
  it("forks plainly, as the identity, without real mounts", () => {
    expect(launchOptions({ uid: 993, gid: 990 }, ["--x"])).toEqual({
      execArgv: ["--x"],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      uid: 993,
      gid: 990,
    });
    expect(launchOptions(undefined, [], { tools, mounts: [] })).not.toHaveProperty("execPath");
  });

  it("starts Node through unshare and the mount script, FUSE descriptors before the IPC channel", () => {
    const options = launchOptions({ uid: 993, gid: 990 }, ["--max-old-space-size=96"], plan);
    expect(options.execPath).toBe("/usr/bin/unshare");
    expect(options.execArgv.slice(0, 6)).toEqual([
      "--mount",
      "--propagation",
      "private",
      "--",
      "/bin/sh",
      "-c",
    ]);
    expect(options.execArgv.slice(7)).toEqual([
      "accesslab-launcher",
      process.execPath,
      "--max-old-space-size=96",
    ]);
    expect(options.stdio).toEqual(["ignore", "pipe", "pipe", 31, 32, "ipc"]);
    expect(options).not.toHaveProperty("uid");
  });
});

describe("mountScript", () => {
  it("mounts a private /mnt, then each descriptor, closes them, then drops to the identity", () => {
    const lines = mountScript(plan, { uid: 993, gid: 990 }).split("\n");
    expect(lines).toEqual([
      "set -e",
      "/usr/bin/mount -i -n -t tmpfs -o mode=0755,size=1m accesslab-mnt /mnt",
      "/bin/mkdir -p '/mnt/data'",
      "/usr/bin/mount -i -n -t fuse -o fd=3,rootmode=40000,user_id=0,group_id=0,allow_other accesslab-efs '/mnt/data'",
      "/bin/mkdir -p '/mnt/it'\\''s'",
      "/usr/bin/mount -i -n -t fuse -o fd=4,rootmode=40000,user_id=0,group_id=0,allow_other accesslab-efs '/mnt/it'\\''s'",
      "exec 3>&- 4>&-",
      'exec /usr/bin/setpriv --reuid=993 --regid=990 --clear-groups -- "$@"',
    ]);
  });

  it("bind mounts the sandbox passwd view before closing the descriptors", () => {
    const lines = mountScript({ ...plan, passwd: "/tmp/v/passwd" }, { uid: 993, gid: 990 }).split(
      "\n",
    );
    expect(lines.at(-3)).toBe("/usr/bin/mount -i -n --bind '/tmp/v/passwd' /etc/passwd");
    expect(lines.at(-2)).toBe("exec 3>&- 4>&-");
  });

  it("keeps the launcher's identity when it is nominal", () => {
    expect(mountScript(plan, undefined).split("\n").at(-1)).toBe('exec "$@"');
  });
});
