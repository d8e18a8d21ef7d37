import { isAbsolute, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createSmbSupervisor } from "./smb-supervisor.js";

describe("createSmbSupervisor without Samba", () => {
  it("says so once, keeps going, and answers the reason for each file system", async () => {
    const lines: string[] = [];
    const smb = createSmbSupervisor({ searchPath: ["/nonexistent"], log: (l) => lines.push(l) });
    expect(smb.sambaProblem()).toContain(
      "Samba is not installed (`smbd` and `smbpasswd` not found)",
    );
    const spec = { userName: "Admin", encryption: "off" as const };
    await smb.start({ ...spec, fileSystemId: "fs-0123456789abcdef0" }, "pw");
    await smb.start({ ...spec, fileSystemId: "fs-0123456789abcdef1" }, "pw");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("install the Debian packages samba and smbclient");
    const address = smb.address("fs-0123456789abcdef1");
    expect(address.ok).toBe(false);
    if (!address.ok) expect(address.problem).toContain("FSx data access is unavailable");
    expect(smb.address("fs-0000000000000000a")).toMatchObject({ ok: false });
    await smb.close();
  });
});

describe("createSmbSupervisor with a relative root", () => {
  it("keeps every path absolute, since smbd reads them from its own working directory", async () => {
    const smb = createSmbSupervisor({
      root: ".accesslab/fsx",
      searchPath: ["/nonexistent"],
      log: () => {},
    });
    expect(smb.root()).toBe(resolve(".accesslab/fsx"));
    expect(isAbsolute(smb.shareDirectory("fs-0123456789abcdef0"))).toBe(true);
    await smb.close();
  });
});
