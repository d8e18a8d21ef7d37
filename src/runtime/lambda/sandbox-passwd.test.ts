import { describe, expect, it } from "vitest";
import { withSandboxUser } from "./sandbox-passwd.js";

describe("withSandboxUser", () => {
  it("adds sbx_user1051 with uid 993, gid 990 and Lambda's home", () => {
    expect(withSandboxUser("root:x:0:0:root:/root:/bin/sh")).toBe(
      "root:x:0:0:root:/root:/bin/sh\nsbx_user1051:x:993:990::/home/sbx_user1051:/sbin/nologin\n",
    );
  });

  it("leaves a passwd that already has uid 993 alone", () => {
    const host = "root:x:0:0::/root:/bin/sh\nsystemd-x:x:993:993::/:/usr/sbin/nologin\n";
    expect(withSandboxUser(host)).toBe(host);
  });
});
