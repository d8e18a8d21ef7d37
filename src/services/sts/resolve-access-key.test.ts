import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryStore } from "../../store/memory/store.js";
import { createRole } from "../iam/roles.js";
import { createAccessKey, createUser } from "../iam/users.js";
import { thrown } from "../thrown.test-support.js";
import { assumeRole } from "./assume-role.js";
import { BOOTSTRAP_ACCESS_KEY_ID, DEFAULT_ACCOUNT } from "./bootstrap.js";
import type { StsContext } from "./context.js";
import { StsError } from "./errors.js";
import { getCallerIdentity } from "./get-caller-identity.js";
import { resolveAccessKey } from "./resolve-access-key.js";

const NOW = 1_700_000_000_000;
const ALICE = `arn:aws:iam::${DEFAULT_ACCOUNT}:user/alice`;

function setup() {
  let now = NOW;
  const ctx: StsContext = {
    store: memoryStore(),
    random: (n) => new Uint8Array(randomBytes(n)),
    clock: () => now,
    account: DEFAULT_ACCOUNT,
  };
  const user = createUser(ctx, { userName: "alice" });
  const key = createAccessKey(ctx, "alice");
  const role = createRole(ctx, {
    roleName: "app",
    maxSessionDuration: 43200,
    assumeRolePolicyDocument: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: ALICE }, Action: "sts:AssumeRole" }],
    }),
  });
  const advance = (ms: number) => {
    now += ms;
  };
  return { ctx, user, key, role, advance };
}

const failure = (work: () => unknown) => thrown(StsError, work);

describe("resolveAccessKey and GetCallerIdentity", () => {
  it("knows the bootstrap root key test/test of account 000000000000", () => {
    const { ctx } = setup();
    const root = resolveAccessKey(ctx, BOOTSTRAP_ACCESS_KEY_ID);
    expect(root).toMatchObject({
      secretAccessKey: "test",
      principalArn: "arn:aws:iam::000000000000:root",
    });
    expect(root.sessionToken).toBeUndefined();
    expect(getCallerIdentity(root)).toEqual({
      userId: "000000000000",
      account: "000000000000",
      arn: "arn:aws:iam::000000000000:root",
    });
  });

  it("resolves an IAM user's access key", () => {
    const { ctx, user, key } = setup();
    const resolved = resolveAccessKey(ctx, key.accessKeyId);
    expect(resolved).toEqual({
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      principalArn: ALICE,
      userId: user.userId,
      account: DEFAULT_ACCOUNT,
    });
    expect(getCallerIdentity(resolved)).toEqual({
      userId: user.userId,
      account: DEFAULT_ACCOUNT,
      arn: ALICE,
    });
  });

  it("resolves session credentials until they expire, then answers ExpiredToken", () => {
    const { ctx, role, advance } = setup();
    const issued = assumeRole(
      ctx,
      { principalArn: ALICE },
      { roleArn: role.arn, roleSessionName: "s1", durationSeconds: 900 },
    );
    const resolved = resolveAccessKey(ctx, issued.credentials.accessKeyId);
    expect(resolved).toMatchObject({
      secretAccessKey: issued.credentials.secretAccessKey,
      sessionToken: issued.credentials.sessionToken,
      principalArn: "arn:aws:sts::000000000000:assumed-role/app/s1",
      expiration: NOW + 900_000,
    });
    expect(getCallerIdentity(resolved)).toEqual({
      userId: `${role.roleId}:s1`,
      account: DEFAULT_ACCOUNT,
      arn: "arn:aws:sts::000000000000:assumed-role/app/s1",
    });
    advance(899_999);
    expect(resolveAccessKey(ctx, issued.credentials.accessKeyId).principalArn).toContain("/app/s1");
    advance(1);
    const e = failure(() => resolveAccessKey(ctx, issued.credentials.accessKeyId));
    expect([e.code, e.httpStatus, e.message]).toEqual([
      "ExpiredToken",
      403,
      "The security token included in the request is expired",
    ]);
  });

  it("refuses an unknown key with InvalidClientTokenId", () => {
    const e = failure(() => resolveAccessKey(setup().ctx, "AKIAUNKNOWNUNKNOWN00"));
    expect([e.code, e.httpStatus, e.message]).toEqual([
      "InvalidClientTokenId",
      403,
      "The security token included in the request is invalid.",
    ]);
  });

  it("never returns credentials for an unknown or expired key (property)", () => {
    const { ctx, key, role, advance } = setup();
    const sessions = [900, 1800, 3600, 43200].map((durationSeconds, i) =>
      assumeRole(
        ctx,
        { principalArn: ALICE },
        { roleArn: role.arn, roleSessionName: `s${i}`, durationSeconds },
      ),
    );
    const known = new Set([
      BOOTSTRAP_ACCESS_KEY_ID,
      key.accessKeyId,
      ...sessions.map((s) => s.credentials.accessKeyId),
    ]);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.stringMatching(/^(AKIA|ASIA)[A-Z2-7]{16}$/),
          fc.constantFrom(...known).map((k) => `${k} `),
          fc.constantFrom(...known).map((k) => k.toLowerCase()),
        ),
        (id) => {
          fc.pre(!known.has(id));
          expect(failure(() => resolveAccessKey(ctx, id)).code).toBe("InvalidClientTokenId");
        },
      ),
      { numRuns: 500 },
    );
    advance(43200_000);
    fc.assert(
      fc.property(fc.constantFrom(...sessions), fc.nat(10 ** 9), (s, extra) => {
        advance(extra);
        expect(failure(() => resolveAccessKey(ctx, s.credentials.accessKeyId)).code).toBe(
          "ExpiredToken",
        );
      }),
      { numRuns: 200 },
    );
  });
});
