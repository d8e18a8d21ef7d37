import { describe, expect, it } from "vitest";
import { thrown } from "../thrown.test-support.js";
import { iamTestContext } from "./context.test-support.js";
import { IamError } from "./errors.js";
import {
  createAccessKey,
  createUser,
  findAccessKey,
  getUser,
  importAccessKey,
  putUserPolicy,
} from "./users.js";

const allow = (actions: string[]) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }],
  });

const setup = iamTestContext;

const failure = (work: () => unknown) => thrown(IamError, work);

describe("CreateUser and PutUserPolicy", () => {
  it("creates a user with an AIDA id and keeps inline policies", () => {
    const ctx = setup();
    const user = createUser(ctx, { userName: "alice", path: "/dev/" });
    expect(user.userId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(user.arn).toBe("arn:aws:iam::000000000000:user/dev/alice");
    putUserPolicy(ctx, "alice", "assume", allow(["sts:AssumeRole"]));
    expect(getUser(ctx, "alice").inlinePolicies).toEqual({ assume: allow(["sts:AssumeRole"]) });
  });

  it("refuses duplicates, unknown users, malformed and oversized policies", () => {
    const ctx = setup();
    createUser(ctx, { userName: "alice" });
    const dup = failure(() => createUser(ctx, { userName: "ALICE" }));
    expect([dup.code, dup.httpStatus, dup.message]).toEqual([
      "EntityAlreadyExists",
      409,
      "User with name ALICE already exists.",
    ]);
    const ghost = failure(() => putUserPolicy(ctx, "bob", "p", allow(["s3:*"])));
    expect([ghost.code, ghost.message]).toEqual([
      "NoSuchEntity",
      "The user with name bob cannot be found.",
    ]);
    expect(failure(() => putUserPolicy(ctx, "alice", "p", "{")).code).toBe(
      "MalformedPolicyDocument",
    );
    const many = Array.from({ length: 120 }, (_, i) => `s3:GetObject${i}`);
    const big = failure(() => putUserPolicy(ctx, "alice", "p", allow(many)));
    expect([big.code, big.message]).toEqual([
      "LimitExceeded",
      "Maximum policy size of 2048 bytes exceeded for user alice",
    ]);
    expect(failure(() => createUser(ctx, { userName: "" })).code).toBe("ValidationError");
  });
});

describe("CreateAccessKey", () => {
  it("issues AKIA ids of 20 characters and 40-character secrets, at most two per user", () => {
    const ctx = setup();
    createUser(ctx, { userName: "alice" });
    const a = createAccessKey(ctx, "alice");
    const b = createAccessKey(ctx, "alice");
    for (const key of [a, b]) {
      expect(key.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
      expect(key.secretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
      expect(key.status).toBe("Active");
      expect(findAccessKey(ctx, key.accessKeyId)).toEqual(key);
    }
    expect(a.accessKeyId).not.toBe(b.accessKeyId);
    const third = failure(() => createAccessKey(ctx, "alice"));
    expect([third.code, third.httpStatus, third.message]).toEqual([
      "LimitExceeded",
      409,
      "Cannot exceed quota for AccessKeysPerUser: 2",
    ]);
    expect(failure(() => createAccessKey(ctx, "bob")).code).toBe("NoSuchEntity");
  });

  it("draws key material from the injected random source", () => {
    const ctx = { ...setup(), random: (n: number) => new Uint8Array(n) };
    createUser(ctx, { userName: "alice" });
    const key = createAccessKey(ctx, "alice");
    expect(key.accessKeyId).toBe("AKIAAAAAAAAAAAAAAAAA");
    expect(key.secretAccessKey).toBe("A".repeat(40));
  });
});

describe("importAccessKey", () => {
  const input = {
    userName: "developer",
    accessKeyId: "AKIADEMODEVELOPER001",
    secretAccessKey: "developer",
  };

  it("stores the given key pair as an active key of the user", () => {
    const ctx = setup();
    createUser(ctx, { userName: "developer" });
    const key = importAccessKey(ctx, input);
    expect(key).toEqual({
      accessKeyId: "AKIADEMODEVELOPER001",
      secretAccessKey: "developer",
      userName: "developer",
      status: "Active",
      createDate: 1_700_000_000_000,
    });
    expect(findAccessKey(ctx, "AKIADEMODEVELOPER001")).toEqual(key);
  });

  it("refuses malformed ids, empty secrets, duplicates, unknown users and a third key", () => {
    const ctx = setup();
    createUser(ctx, { userName: "developer" });
    for (const accessKeyId of ["test", "AKIAdemodeveloper001", "ASIADEMODEVELOPER001", "AKIA1"]) {
      const bad = failure(() => importAccessKey(ctx, { ...input, accessKeyId }));
      expect([bad.code, bad.httpStatus]).toEqual(["ValidationError", 400]);
      expect(bad.message).toContain(`\`${accessKeyId}\``);
    }
    expect(failure(() => importAccessKey(ctx, { ...input, secretAccessKey: "" })).code).toBe(
      "ValidationError",
    );
    importAccessKey(ctx, input);
    const dup = failure(() => importAccessKey(ctx, input));
    expect([dup.code, dup.httpStatus, dup.message]).toEqual([
      "EntityAlreadyExists",
      409,
      "Access key AKIADEMODEVELOPER001 already exists.",
    ]);
    const ghost = failure(() => importAccessKey(ctx, { ...input, userName: "nobody" }));
    expect(ghost.code).toBe("NoSuchEntity");
    createAccessKey(ctx, "developer");
    const third = failure(() =>
      importAccessKey(ctx, { ...input, accessKeyId: "AKIADEMODEVELOPER002" }),
    );
    expect(third.code).toBe("LimitExceeded");
  });
});
