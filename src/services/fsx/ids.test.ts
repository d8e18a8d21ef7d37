import { describe, expect, it } from "vitest";
import { fsxArn, isFileSystemId, newFileSystemId, newInterfaceId, windowsDnsName } from "./ids.js";

let counter = 0;
const random = (n: number) => Uint8Array.from({ length: n }, () => (counter++ * 53) % 256);

describe("FSx ids", () => {
  it("makes ids of 17 hex characters, and ARNs and DNS names as FSx writes them", () => {
    const id = newFileSystemId(random);
    expect(id).toMatch(/^fs-[0-9a-f]{17}$/);
    expect(isFileSystemId(id)).toBe(true);
    expect(isFileSystemId("fs-XYZ")).toBe(false);
    expect(newInterfaceId(random)).toMatch(/^eni-[0-9a-f]{17}$/);
    expect(fsxArn("eu-west-1", "123456789012", id)).toBe(
      `arn:aws:fsx:eu-west-1:123456789012:file-system/${id}`,
    );
    const names = new Set(
      Array.from({ length: 20 }, () => windowsDnsName(random, "Corp.Example.COM")),
    );
    for (const name of names) expect(name).toMatch(/^amznfsx[a-z0-9]{8}\.corp\.example\.com$/);
    expect(names.size).toBeGreaterThan(1);
  });
});
