/** Unit tests of EFS tags, tag rules and file system options. */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { memoryStore } from "../../store/memory/store.js";
import type { EfsContext } from "./context.js";
import { createAccessPoint, createFileSystem, getFileSystem } from "./control-plane.js";
import { fileSystemFields } from "./file-system-options.js";
import { checkTags } from "./tag-rules.js";
import { listTags, taggedId, tagResource, untagResource } from "./tags.js";

function context(): EfsContext {
  return {
    store: memoryStore(),
    random: (n) => new Uint8Array(randomBytes(n)),
    clock: () => 1_700_000_000_000,
    account: "111122223333",
    region: "us-east-1",
  };
}

describe("tags", () => {
  it("adds, replaces and removes tags, keeping Name in step", () => {
    const ctx = context();
    const fs = createFileSystem(ctx, { creationToken: "t", tags: [{ key: "Name", value: "a" }] });
    expect(fs.name).toBe("a");
    tagResource(ctx, fs.arn, [
      { key: "Name", value: "b" },
      { key: "env", value: "dev" },
    ]);
    expect(getFileSystem(ctx, fs.fileSystemId).name).toBe("b");
    untagResource(ctx, fs.fileSystemId, ["Name", "absent"]);
    expect(listTags(ctx, fs.fileSystemId)).toEqual([{ key: "env", value: "dev" }]);
    expect(getFileSystem(ctx, fs.fileSystemId).name).toBeUndefined();
  });

  it("tags access points too, and reads ids out of ARNs", () => {
    const ctx = context();
    const fs = createFileSystem(ctx, { creationToken: "t" });
    const ap = createAccessPoint(ctx, { fileSystemId: fs.fileSystemId });
    tagResource(ctx, ap.accessPointArn, [{ key: "team", value: "x" }]);
    expect(listTags(ctx, ap.accessPointId)).toEqual([{ key: "team", value: "x" }]);
    expect(taggedId(ap.accessPointArn)).toBe(ap.accessPointId);
    expect(() => taggedId("vol-123")).toThrow(/resource id `vol-123` is not valid/);
  });

  it("refuses reserved, duplicate, oversized and too many tags", () => {
    expect(() => checkTags([{ key: "aws:x", value: "" }])).toThrow(/reserved prefix/);
    expect(() =>
      checkTags([
        { key: "k", value: "" },
        { key: "k", value: "" },
      ]),
    ).toThrow(/more than once/);
    expect(() => checkTags([{ key: "", value: "" }])).toThrow(/1 to 128/);
    expect(() => checkTags([{ key: "k", value: "v".repeat(257) }])).toThrow(/256/);
    const many = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "" }));
    expect(() => checkTags(many)).toThrow(/at most 50/);
  });
});

describe("file system options", () => {
  it("applies the EFS API defaults", () => {
    expect(fileSystemFields({})).toEqual({
      performanceMode: "generalPurpose",
      throughputMode: "bursting",
      encrypted: false,
      tags: [],
    });
  });

  it("refuses inconsistent settings", () => {
    expect(() => fileSystemFields({ throughputMode: "provisioned" })).toThrow(/at least 1/);
    expect(() => fileSystemFields({ provisionedThroughputInMibps: 5 })).toThrow(/only valid/);
    expect(() => fileSystemFields({ kmsKeyId: "k" })).toThrow(/Encrypted is true/);
    expect(() => fileSystemFields({ performanceMode: "fast" })).toThrow(/PerformanceMode `fast`/);
    expect(() => fileSystemFields({ throughputMode: "elastic", performanceMode: "maxIO" })).toThrow(
      /elastic/,
    );
  });
});
