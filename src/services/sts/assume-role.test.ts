import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { memoryStore } from "../../store/memory/store.js";
import { putRolePolicy } from "../iam/role-policies.js";
import { createRole } from "../iam/roles.js";
import { createUser, putUserPolicy } from "../iam/users.js";
import { thrown } from "../thrown.test-support.js";
import { assumeRole } from "./assume-role.js";
import { callerPolicies } from "./caller-policies.js";
import type { StsContext } from "./context.js";
import { StsError } from "./errors.js";
import { resolveAccessKey } from "./resolve-access-key.js";

const ACCOUNT = "000000000000";
const NOW = 1_700_000_000_000;
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const trust = (principal: Record<string, string>) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }],
  });
const ALLOW_ASSUME = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }],
});
const SESSION_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "elasticfilesystem:ClientMount", Resource: "*" }],
});

function setup(): StsContext {
  const ctx: StsContext = {
    store: memoryStore(),
    random: (n) => new Uint8Array(randomBytes(n)),
    clock: () => NOW,
    account: ACCOUNT,
  };
  createUser(ctx, { userName: "alice" });
  createRole(ctx, {
    roleName: "by-account",
    assumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }),
    maxSessionDuration: 7200,
  });
  createRole(ctx, { roleName: "by-user", assumeRolePolicyDocument: trust({ AWS: ALICE }) });
  createRole(ctx, {
    roleName: "deployer",
    assumeRolePolicyDocument: trust({ Service: "cloudformation.amazonaws.com" }),
  });
  return ctx;
}

const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

const failure = (work: () => unknown) => thrown(StsError, work);

describe("AssumeRole trust evaluation", () => {
  it("refuses a user a role that trusts only cloudformation.amazonaws.com, in AWS's words", () => {
    const ctx = setup();
    putUserPolicy(ctx, "alice", "assume", ALLOW_ASSUME);
    const e = failure(() =>
      assumeRole(
        ctx,
        { principalArn: ALICE },
        { roleArn: roleArn("deployer"), roleSessionName: "s1" },
      ),
    );
    expect([e.code, e.httpStatus, e.senderFault]).toEqual(["AccessDenied", 403, true]);
    expect(e.message).toBe(
      `User: ${ALICE} is not authorized to perform: sts:AssumeRole on resource: ${roleArn("deployer")}`,
    );
  });

  it("needs the user's identity policy too when the trust policy names only the account", () => {
    const ctx = setup();
    const input = { roleArn: roleArn("by-account"), roleSessionName: "s1" };
    expect(failure(() => assumeRole(ctx, { principalArn: ALICE }, input)).code).toBe(
      "AccessDenied",
    );
    putUserPolicy(ctx, "alice", "assume", ALLOW_ASSUME);
    const result = assumeRole(ctx, { principalArn: ALICE }, input);
    expect(result.assumedRoleUser.arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/by-account/s1`);
  });

  it("lets a user the trust policy names directly assume without an identity policy", () => {
    const ctx = setup();
    const result = assumeRole(
      ctx,
      { principalArn: ALICE },
      { roleArn: roleArn("by-user"), roleSessionName: "s1" },
    );
    expect(result.credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(result.credentials.secretAccessKey).toHaveLength(40);
    expect(result.credentials.sessionToken.length).toBeGreaterThan(100);
    expect(result.credentials.expiration).toBe(NOW + 3600_000);
    expect(result.assumedRoleUser.assumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:s1$/);
  });

  it("refuses a missing role exactly like an untrusting one", () => {
    const e = failure(() =>
      assumeRole(
        setup(),
        { principalArn: ALICE },
        { roleArn: roleArn("ghost"), roleSessionName: "s1" },
      ),
    );
    expect([e.code, e.message]).toEqual([
      "AccessDenied",
      `User: ${ALICE} is not authorized to perform: sts:AssumeRole on resource: ${roleArn("ghost")}`,
    ]);
  });

  it("refuses the account root user", () => {
    const e = failure(() =>
      assumeRole(
        setup(),
        { principalArn: `arn:aws:iam::${ACCOUNT}:root` },
        { roleArn: roleArn("by-account"), roleSessionName: "s1" },
      ),
    );
    expect([e.code, e.httpStatus, e.message]).toEqual([
      "AccessDenied",
      403,
      "Roles may not be assumed by root accounts.",
    ]);
  });

  it("honours sts:ExternalId conditions", () => {
    const ctx = setup();
    createRole(ctx, {
      roleName: "vendor",
      assumeRolePolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: ALICE },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "sts:ExternalId": "xyz" } },
          },
        ],
      }),
    });
    const input = { roleArn: roleArn("vendor"), roleSessionName: "s1" };
    expect(failure(() => assumeRole(ctx, { principalArn: ALICE }, input)).code).toBe(
      "AccessDenied",
    );
    expect(
      assumeRole(ctx, { principalArn: ALICE }, { ...input, externalId: "xyz" }).credentials,
    ).toBeDefined();
  });
});

describe("AssumeRole parameters", () => {
  it("honours DurationSeconds between 900 and the role's MaxSessionDuration", () => {
    const ctx = setup();
    putUserPolicy(ctx, "alice", "assume", ALLOW_ASSUME);
    const input = { roleArn: roleArn("by-account"), roleSessionName: "s1" };
    const caller = { principalArn: ALICE };
    expect(assumeRole(ctx, caller, { ...input, durationSeconds: 900 }).credentials.expiration).toBe(
      NOW + 900_000,
    );
    expect(
      assumeRole(ctx, caller, { ...input, durationSeconds: 7200 }).credentials.expiration,
    ).toBe(NOW + 7200_000);
    const short = failure(() => assumeRole(ctx, caller, { ...input, durationSeconds: 899 }));
    expect([short.code, short.httpStatus, short.message]).toEqual([
      "ValidationError",
      400,
      "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    ]);
    const long = failure(() => assumeRole(ctx, caller, { ...input, durationSeconds: 7201 }));
    expect(long.message).toBe(
      "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    );
  });

  it("limits role chaining to one hour", () => {
    const ctx = setup();
    const session = assumeRole(
      ctx,
      { principalArn: ALICE },
      { roleArn: roleArn("by-user"), roleSessionName: "s1" },
    );
    createRole(ctx, {
      roleName: "chained",
      maxSessionDuration: 7200,
      assumeRolePolicyDocument: trust({ AWS: roleArn("by-user") }),
    });
    const caller = { principalArn: session.assumedRoleUser.arn };
    const input = { roleArn: roleArn("chained"), roleSessionName: "s2" };
    const e = failure(() => assumeRole(ctx, caller, { ...input, durationSeconds: 3601 }));
    expect(e.message).toBe(
      "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
    );
    expect(assumeRole(ctx, caller, input).assumedRoleUser.arn).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/chained/s2`,
    );
  });

  it("checks RoleSessionName against [\\w+=,.@-]{2,64}", () => {
    const ctx = setup();
    const caller = { principalArn: ALICE };
    for (const name of ["a", "x".repeat(65), "has space", "slash/"]) {
      const e = failure(() =>
        assumeRole(ctx, caller, { roleArn: roleArn("by-user"), roleSessionName: name }),
      );
      expect(e.code, name).toBe("ValidationError");
    }
    expect(
      assumeRole(ctx, caller, { roleArn: roleArn("by-user"), roleSessionName: "a+b=c,d.e@f-g_h" })
        .assumedRoleUser.arn,
    ).toContain("/a+b=c,d.e@f-g_h");
  });

  it("keeps a valid session policy with the session and refuses a malformed one", () => {
    const ctx = setup();
    const input = { roleArn: roleArn("by-user"), roleSessionName: "s1" };
    const result = assumeRole(ctx, { principalArn: ALICE }, { ...input, policy: SESSION_POLICY });
    const resolved = resolveAccessKey(ctx, result.credentials.accessKeyId);
    expect(resolved.sessionPolicy).toBe(SESSION_POLICY);
    expect(callerPolicies(ctx, resolved).sessionPolicy?.document.statements).toHaveLength(1);
    const withPrincipal = SESSION_POLICY.replace('"Effect"', '"Principal":"*","Effect"');
    const e = failure(() =>
      assumeRole(ctx, { principalArn: ALICE }, { ...input, policy: withPrincipal }),
    );
    expect([e.code, e.httpStatus]).toEqual(["MalformedPolicyDocument", 400]);
    expect(e.message).toMatch(/^policy is not valid at 1:\d+: /);
    const huge = failure(() =>
      assumeRole(ctx, { principalArn: ALICE }, { ...input, policy: " ".repeat(2049) }),
    );
    expect(huge.code).toBe("ValidationError");
  });

  it("applies the caller's own session policy when a session assumes a role", () => {
    const ctx = setup();
    putRolePolicy(ctx, "by-user", "assume", ALLOW_ASSUME);
    createRole(ctx, {
      roleName: "next",
      assumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }),
    });
    const session = (policy?: string) => {
      const issued = assumeRole(
        ctx,
        { principalArn: ALICE },
        {
          roleArn: roleArn("by-user"),
          roleSessionName: "s1",
          ...(policy !== undefined ? { policy } : {}),
        },
      );
      return resolveAccessKey(ctx, issued.credentials.accessKeyId);
    };
    const input = { roleArn: roleArn("next"), roleSessionName: "s2" };
    expect(assumeRole(ctx, session(), input).assumedRoleUser.arn).toContain("/next/s2");
    const limited = session(SESSION_POLICY);
    const e = failure(() => assumeRole(ctx, limited, input));
    expect(e.message).toBe(
      `User: ${limited.principalArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn("next")}`,
    );
  });
});
