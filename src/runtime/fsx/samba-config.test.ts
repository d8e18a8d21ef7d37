import { describe, expect, it } from "vitest";
import { sambaConfig, userMap } from "./samba-config.js";
import { sambaPaths } from "./samba-paths.js";

const paths = sambaPaths("/srv/fsx", "fs-0123456789abcdef0");
const settings = { paths, port: 40123, localUser: "root", userName: "Admin" };

function globalLines(text: string): string[] {
  const global = text.split("[share]")[0] ?? "";
  return global.split("\n").map((l) => l.trim());
}

describe("sambaConfig", () => {
  it("enforces SMB 3 with encryption when required, and keeps Samba's defaults when off", () => {
    const required = globalLines(sambaConfig({ ...settings, encryption: "required" }));
    expect(required).toContain("server smb encrypt = required");
    expect(required).toContain("server min protocol = SMB3_00");
    const off = sambaConfig({ ...settings, encryption: "off" });
    expect(off).not.toContain("smb encrypt");
    expect(off).not.toContain("min protocol");
    const desired = globalLines(sambaConfig({ ...settings, encryption: "desired" }));
    expect(desired).toContain("server smb encrypt = desired");
    expect(desired).not.toContain("server min protocol = SMB3_00");
  });

  it("keeps everything of the instance under its own directories, on loopback and its port", () => {
    const lines = globalLines(sambaConfig({ ...settings, encryption: "off" }));
    expect(lines).toContain("smb ports = 40123");
    expect(lines).toContain("interfaces = 127.0.0.1");
    expect(lines).toContain("bind interfaces only = yes");
    expect(lines).toContain(`passdb backend = tdbsam:${paths.private}/passdb.tdb`);
    for (const key of [
      "state directory",
      "lock directory",
      "cache directory",
      "pid directory",
      "private dir",
    ]) {
      const line = lines.find((l) => l.startsWith(`${key} =`)) ?? "";
      expect(line.slice(key.length + 3).startsWith("/srv/fsx/fs-0123456789abcdef0/")).toBe(true);
    }
    const share = sambaConfig({ ...settings, encryption: "off" }).split("[share]")[1] ?? "";
    expect(share).toContain(`path = ${paths.share}`);
    expect(share).toContain("force user = root");
  });
});

describe("userMap", () => {
  it("signs the directory user in as the local user and turns the local name away", () => {
    expect(userMap("root", "Admin")).toBe('!accesslab-no-such-user = root\nroot = "Admin"\n');
    expect(userMap("admin", "Admin")).toBe('admin = "Admin"\n');
  });
});
