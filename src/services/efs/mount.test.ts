import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parsePolicyValue } from "../../engines/policy/parse.js";
import { memoryStore } from "../../store/memory/store.js";
import type { EfsContext } from "./context.js";
import { createAccessPoint, createFileSystem, putFileSystemPolicy } from "./control-plane.js";
import { type ConnectionEvent, connectionStream } from "./events.js";
import { mkdir, stat, writeFile } from "./file-tree.js";
import { type MountRequest, mount } from "./mount.js";

const ROLE = "arn:aws:sts::111122223333:assumed-role/app/s1";

function setup() {
  const ctx: EfsContext = {
    store: memoryStore(),
    random: (n) => new Uint8Array(randomBytes(n)),
    clock: () => 1_700_000_000_000,
    account: "111122223333",
    region: "us-east-1",
  };
  const fs = createFileSystem(ctx, { creationToken: "t" });
  return { ctx, fs };
}

const anonymous = (fileSystemId: string, extra: Partial<MountRequest> = {}): MountRequest => ({
  fileSystemId,
  client: { uid: 1000, gid: 1000, groups: [1000] },
  tls: false,
  iam: false,
  viaMountTarget: true,
  sourceIp: "10.0.1.5",
  ...extra,
});
const asRole = (fileSystemId: string, extra: Partial<MountRequest> = {}): MountRequest =>
  anonymous(fileSystemId, {
    tls: true,
    iam: true,
    caller: { principal: ROLE, identityPolicies: [] },
    ...extra,
  });

const roleOnly = (actions: string[], condition?: object) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111122223333:role/app" },
        Action: actions.map((a) => `elasticfilesystem:${a}`),
        Resource: "*",
        ...(condition ? { Condition: condition } : {}),
      },
    ],
  });

describe("mount: mount helper options", () => {
  it("requires tls for iam and for access points", () => {
    const { ctx, fs } = setup();
    expect(mount(ctx, asRole(fs.fileSystemId, { tls: false }))).toMatchObject({
      refusal: { code: "iam-requires-tls" },
    });
    const ap = createAccessPoint(ctx, { fileSystemId: fs.fileSystemId });
    expect(
      mount(ctx, anonymous(fs.fileSystemId, { accessPointId: ap.accessPointId })),
    ).toMatchObject({ refusal: { code: "access-point-requires-tls" } });
  });
  it("refuses unknown file systems and access points of another file system", () => {
    const { ctx, fs } = setup();
    expect(mount(ctx, anonymous("fs-00000000000000000"))).toMatchObject({
      refusal: { code: "file-system-not-found" },
    });
    const other = createFileSystem(ctx, { creationToken: "other" });
    const ap = createAccessPoint(ctx, { fileSystemId: other.fileSystemId });
    expect(
      mount(ctx, anonymous(fs.fileSystemId, { tls: true, accessPointId: ap.accessPointId })),
    ).toMatchObject({ refusal: { code: "access-point-not-found" } });
  });
});

describe("mount: authorization", () => {
  it("gives anonymous clients full access under the default policy, only through a mount target", () => {
    const { ctx, fs } = setup();
    const ok = mount(ctx, anonymous(fs.fileSystemId, { client: { uid: 0, gid: 0, groups: [] } }));
    if (!("mount" in ok)) throw new Error("refused");
    expect(ok.mount.session.identity.uid).toBe(0);
    expect(ok.mount.session.readOnly).toBe(false);
    expect(mount(ctx, anonymous(fs.fileSystemId, { viaMountTarget: false }))).toMatchObject({
      refusal: { code: "access-denied" },
    });
  });
  it("refuses anonymous clients once a policy grants only a role, and admits the role over tls,iam", () => {
    const { ctx, fs } = setup();
    putFileSystemPolicy(ctx, fs.fileSystemId, roleOnly(["ClientMount", "ClientWrite"]));
    expect(mount(ctx, anonymous(fs.fileSystemId))).toMatchObject({
      refusal: { code: "access-denied" },
    });
    expect(mount(ctx, anonymous(fs.fileSystemId, { tls: true }))).toMatchObject({
      refusal: { code: "access-denied" },
    });
    expect("mount" in mount(ctx, asRole(fs.fileSystemId))).toBe(true);
  });
  it("treats a client that does not use the iam option as anonymous, credentials or not", () => {
    const { ctx, fs } = setup();
    putFileSystemPolicy(ctx, fs.fileSystemId, roleOnly(["ClientMount", "ClientWrite"]));
    expect(mount(ctx, asRole(fs.fileSystemId, { iam: false }))).toMatchObject({
      refusal: { code: "access-denied" },
    });
  });
  it("mounts nothing with ClientWrite or ClientRootAccess but no ClientMount", () => {
    const { ctx, fs } = setup();
    putFileSystemPolicy(ctx, fs.fileSystemId, roleOnly(["ClientWrite", "ClientRootAccess"]));
    expect(mount(ctx, asRole(fs.fileSystemId))).toMatchObject({
      refusal: { code: "access-denied" },
    });
  });
  it("accepts an allow from the identity policy alone", () => {
    const { ctx, fs } = setup();
    putFileSystemPolicy(ctx, fs.fileSystemId, roleOnly(["ClientRootAccess"]));
    const identity = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "elasticfilesystem:ClientMount", Resource: fs.arn }],
    };
    const caller = {
      principal: ROLE,
      identityPolicies: [{ document: parsePolicyValue(identity).policy ?? { statements: [] } }],
    };
    const result = mount(ctx, asRole(fs.fileSystemId, { caller }));
    if (!("mount" in result)) throw new Error("refused");
    expect(result.mount.session.readOnly).toBe(true);
  });
  it("mounts read-only without ClientWrite: writes fail with EROFS", () => {
    const { ctx, fs } = setup();
    putFileSystemPolicy(ctx, fs.fileSystemId, roleOnly(["ClientMount"]));
    const result = mount(ctx, asRole(fs.fileSystemId, { client: { uid: 0, gid: 0, groups: [] } }));
    if (!("mount" in result)) throw new Error("refused");
    expect(writeFile(result.mount.session, "/x", "data")).toMatchObject({
      ok: false,
      errno: "EROFS",
    });
  });
  it("squashes root without ClientRootAccess", () => {
    const { ctx, fs } = setup();
    putFileSystemPolicy(ctx, fs.fileSystemId, roleOnly(["ClientMount", "ClientWrite"]));
    const result = mount(ctx, asRole(fs.fileSystemId, { client: { uid: 0, gid: 0, groups: [0] } }));
    if (!("mount" in result)) throw new Error("refused");
    expect(result.mount.session.identity).toEqual({ uid: 65534, gid: 65534, groups: [65534] });
    expect(writeFile(result.mount.session, "/x", "data")).toMatchObject({
      ok: false,
      errno: "EACCES",
    });
  });
  it("evaluates elasticfilesystem:AccessPointArn", () => {
    const { ctx, fs } = setup();
    const ap = createAccessPoint(ctx, { fileSystemId: fs.fileSystemId });
    const other = createAccessPoint(ctx, { fileSystemId: fs.fileSystemId });
    putFileSystemPolicy(
      ctx,
      fs.fileSystemId,
      roleOnly(["ClientMount"], {
        StringEquals: { "elasticfilesystem:AccessPointArn": ap.accessPointArn },
      }),
    );
    expect(
      "mount" in mount(ctx, asRole(fs.fileSystemId, { accessPointId: ap.accessPointId })),
    ).toBe(true);
    expect(
      mount(ctx, asRole(fs.fileSystemId, { accessPointId: other.accessPointId })),
    ).toMatchObject({ refusal: { code: "access-denied" } });
  });
});

describe("mount: access points", () => {
  it("replaces the client's identity with the PosixUser", () => {
    const { ctx, fs } = setup();
    const ap = createAccessPoint(ctx, {
      fileSystemId: fs.fileSystemId,
      posixUser: { uid: 1001, gid: 1001, secondaryGids: [5] },
    });
    const result = mount(
      ctx,
      anonymous(fs.fileSystemId, { tls: true, accessPointId: ap.accessPointId }),
    );
    if (!("mount" in result)) throw new Error("refused");
    expect(result.mount.session.identity).toEqual({ uid: 1001, gid: 1001, groups: [5] });
  });
  it("creates a missing root from CreationInfo, with root:root 0755 parents, and leaves an existing one alone", () => {
    const { ctx, fs } = setup();
    const creationInfo = { ownerUid: 1002, ownerGid: 1002, permissions: "764" };
    const ap = createAccessPoint(ctx, {
      fileSystemId: fs.fileSystemId,
      rootDirectory: { path: "/a/b", creationInfo },
    });
    const first = mount(
      ctx,
      anonymous(fs.fileSystemId, { tls: true, accessPointId: ap.accessPointId }),
    );
    if (!("mount" in first)) throw new Error("refused");
    expect(first.mount.rootCreated).toBe(true);
    expect(first.mount.root).toMatchObject({ uid: 1002, gid: 1002, mode: 0o40764 });
    const admin = mount(
      ctx,
      anonymous(fs.fileSystemId, { client: { uid: 0, gid: 0, groups: [] } }),
    );
    if (!("mount" in admin)) throw new Error("refused");
    expect(stat(admin.mount.session, "/a")).toMatchObject({
      ok: true,
      value: { uid: 0, gid: 0, mode: 0o40755 },
    });
    mkdir(admin.mount.session, "/existing", 0o750);
    const ap2 = createAccessPoint(ctx, {
      fileSystemId: fs.fileSystemId,
      rootDirectory: { path: "/existing", creationInfo },
    });
    const second = mount(
      ctx,
      anonymous(fs.fileSystemId, { tls: true, accessPointId: ap2.accessPointId }),
    );
    if (!("mount" in second)) throw new Error("refused");
    expect(second.mount.rootCreated).toBe(false);
    expect(second.mount.root).toMatchObject({ uid: 0, gid: 0, mode: 0o40750 });
  });
  it("refuses a missing root without CreationInfo, and a root without any execute bit", () => {
    const { ctx, fs } = setup();
    const missing = createAccessPoint(ctx, {
      fileSystemId: fs.fileSystemId,
      rootDirectory: { path: "/fuga" },
    });
    expect(
      mount(ctx, anonymous(fs.fileSystemId, { tls: true, accessPointId: missing.accessPointId })),
    ).toMatchObject({ refusal: { code: "root-directory-missing" } });
    const noX = createAccessPoint(ctx, {
      fileSystemId: fs.fileSystemId,
      rootDirectory: {
        path: "/nox",
        creationInfo: { ownerUid: 1, ownerGid: 1, permissions: "666" },
      },
    });
    expect(
      mount(ctx, anonymous(fs.fileSystemId, { tls: true, accessPointId: noX.accessPointId })),
    ).toMatchObject({ refusal: { code: "root-directory-not-searchable" } });
  });
  it("keeps sessions inside the access point root", () => {
    const { ctx, fs } = setup();
    const admin = mount(
      ctx,
      anonymous(fs.fileSystemId, { client: { uid: 0, gid: 0, groups: [] } }),
    );
    if (!("mount" in admin)) throw new Error("refused");
    writeFile(admin.mount.session, "/secret.txt", "top");
    const ap = createAccessPoint(ctx, {
      fileSystemId: fs.fileSystemId,
      rootDirectory: {
        path: "/jail",
        creationInfo: { ownerUid: 0, ownerGid: 0, permissions: "755" },
      },
    });
    const jailed = mount(
      ctx,
      anonymous(fs.fileSystemId, {
        tls: true,
        accessPointId: ap.accessPointId,
        client: { uid: 0, gid: 0, groups: [] },
      }),
    );
    if (!("mount" in jailed)) throw new Error("refused");
    expect(stat(jailed.mount.session, "/../secret.txt")).toMatchObject({
      ok: false,
      errno: "ENOENT",
    });
    expect(stat(jailed.mount.session, "../../secret.txt")).toMatchObject({
      ok: false,
      errno: "ENOENT",
    });
  });
});

describe("mount: audit events", () => {
  it("records accepted and refused connections with the granted permissions", () => {
    const { ctx, fs } = setup();
    putFileSystemPolicy(ctx, fs.fileSystemId, roleOnly(["ClientMount"]));
    mount(ctx, anonymous(fs.fileSystemId));
    mount(ctx, asRole(fs.fileSystemId));
    const events = ctx.store.events
      .read<ConnectionEvent>(connectionStream(fs.fileSystemId))
      .map((e) => e.event);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      errorCode: "AccessDenied",
      userIdentity: { type: "Anonymous" },
      sourceIpAddress: "10.0.1.5",
    });
    expect(events[1]).toMatchObject({
      userIdentity: { type: "AWSPrincipal", arn: ROLE },
      serviceEventDetails: {
        permissions: { ClientMount: true, ClientWrite: false, ClientRootAccess: false },
      },
    });
    expect(events[1]?.errorCode).toBeUndefined();
  });
});
