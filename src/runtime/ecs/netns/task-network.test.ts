import { readlinkSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { networkNamespaceSupport } from "./support.js";
import { startTaskNetwork } from "./task-network.js";

const support = networkNamespaceSupport();
if (!support.ok) console.log(`skipping the task network unit tests: ${support.reason}`);

describe.skipIf(!support.ok)("startTaskNetwork", () => {
  const tools = support.ok ? support.tools : { unshare: "", ip: "", nsenter: "" };

  it("holds a namespace of its own until closed", async () => {
    const network = await startTaskNetwork({
      tools,
      apiSocket: "/nonexistent.sock",
      apiPort: 4566,
    });
    const link = readlinkSync(network.namespacePath);
    expect(link).toMatch(/^net:\[\d+\]$/);
    expect(link).not.toBe(readlinkSync("/proc/self/ns/net"));
    await network.close();
    expect(() => readlinkSync(network.namespacePath)).toThrow();
  });

  it("rejects with the forwarder's own reason when the namespace cannot be set up", async () => {
    await expect(
      startTaskNetwork({ tools: { ...tools, ip: "/bin/false" }, apiSocket: "/x", apiPort: 1 }),
    ).rejects.toThrow(/^task network: cannot set up lo: /);
  });
});
