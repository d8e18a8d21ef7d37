import { describe, expect, it } from "vitest";
import { runScenario } from "./run-scenario.js";
import { parseScenarios } from "./scenario.js";

const ME = "111122223333";
const OTHER = "444455556666";
const fsArn = `arn:aws:elasticfilesystem:us-east-1:${ME}:file-system/fs-0123456789abcdef0`;
const allow = (action: string, extra: object = {}) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: action, Resource: "*", ...extra }],
});
const deny = (action: string, extra: object = {}) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Deny", Action: action, Resource: "*", ...extra }],
});

function decide(scenario: object) {
  const { scenarios, error } = parseScenarios(JSON.stringify(scenario));
  if (error || !scenarios[0]) throw new Error(error?.message);
  return runScenario(scenarios[0]).decision;
}

const user = `arn:aws:iam::${ME}:user/alice`;
const session = `arn:aws:sts::${ME}:assumed-role/app/s1`;
const roleArn = `arn:aws:iam::${ME}:role/app`;
const request = (
  principal: string,
  action = "elasticfilesystem:ClientMount",
  resource = fsArn,
) => ({ principal, action, resource });

describe("authorize: same account", () => {
  it("denies by default", () => {
    expect(decide({ request: request(user) }).decision).toBe("ImplicitlyDenied");
  });
  it("allows from an identity policy alone or a resource policy alone", () => {
    expect(
      decide({ request: request(user), identityPolicies: [allow("elasticfilesystem:Client*")] })
        .decision,
    ).toBe("Allowed");
    expect(
      decide({
        request: request(user),
        resourcePolicy: allow("elasticfilesystem:ClientMount", { Principal: { AWS: user } }),
      }).decision,
    ).toBe("Allowed");
  });
  it("lets an explicit deny anywhere win", () => {
    const d = decide({
      request: request(user),
      identityPolicies: [allow("*")],
      resourcePolicy: deny("elasticfilesystem:ClientMount", { Principal: "*" }),
    });
    expect(d.decision).toBe("ExplicitlyDenied");
    expect(d.deciding[0]?.policy.kind).toBe("resource");
  });
  it("gives the account root user its own account", () => {
    expect(decide({ request: request(`arn:aws:iam::${ME}:root`) }).decision).toBe("Allowed");
    expect(
      decide({ request: request(`arn:aws:iam::${ME}:root`), serviceControlPolicies: [[deny("*")]] })
        .decision,
    ).toBe("ExplicitlyDenied");
  });
  it("limits identity grants by the boundary and the session policy", () => {
    const base = { request: request(session), identityPolicies: [allow("*")] };
    expect(decide({ ...base, permissionsBoundary: allow("s3:*") }).deniedBy).toBe("boundary");
    expect(decide({ ...base, sessionPolicy: allow("s3:*") }).deniedBy).toBe("session");
    expect(
      decide({
        ...base,
        permissionsBoundary: allow("elasticfilesystem:*"),
        sessionPolicy: allow("*"),
      }).decision,
    ).toBe("Allowed");
  });
  it("does not limit a resource policy naming the session, but limits one naming the role", () => {
    const boundary = allow("s3:*");
    expect(
      decide({
        request: request(session),
        permissionsBoundary: boundary,
        resourcePolicy: allow("elasticfilesystem:*", { Principal: { AWS: session } }),
      }).decision,
    ).toBe("Allowed");
    const byRole = decide({
      request: request(session),
      permissionsBoundary: boundary,
      resourcePolicy: allow("elasticfilesystem:*", { Principal: { AWS: roleArn } }),
    });
    expect(byRole.decision).toBe("ImplicitlyDenied");
    expect(byRole.deniedBy).toBe("boundary");
  });
  it("treats a resource policy naming only the account as delegation to identity policies", () => {
    const rp = allow("elasticfilesystem:*", { Principal: { AWS: ME } });
    expect(decide({ request: request(user), resourcePolicy: rp }).decision).toBe(
      "ImplicitlyDenied",
    );
  });
});

describe("authorize: cross account", () => {
  const foreign = `arn:aws:iam::${OTHER}:user/bob`;
  it("needs both the identity policy and the resource policy", () => {
    const rp = allow("elasticfilesystem:*", { Principal: { AWS: OTHER } });
    expect(decide({ request: request(foreign), resourcePolicy: rp }).deniedBy).toBe("identity");
    expect(decide({ request: request(foreign), identityPolicies: [allow("*")] }).deniedBy).toBe(
      "resource",
    );
    expect(
      decide({ request: request(foreign), identityPolicies: [allow("*")], resourcePolicy: rp })
        .decision,
    ).toBe("Allowed");
  });
});

describe("authorize: trust policies", () => {
  const role = `arn:aws:iam::${ME}:role/deploy`;
  const trust = (principal: object) => ({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }],
  });
  it("admits only the services the trust policy names", () => {
    const cfnOnly = trust({ Service: "cloudformation.amazonaws.com" });
    expect(
      decide({
        request: request("cloudformation.amazonaws.com", "sts:AssumeRole", role),
        resourcePolicy: cfnOnly,
      }).decision,
    ).toBe("Allowed");
    const lambda = decide({
      request: request("lambda.amazonaws.com", "sts:AssumeRole", role),
      resourcePolicy: cfnOnly,
    });
    expect(lambda.decision).toBe("ImplicitlyDenied");
    expect(lambda.deniedBy).toBe("trust");
  });
  it("does not let an identity policy alone assume a role", () => {
    expect(
      decide({
        request: request(user, "sts:AssumeRole", role),
        identityPolicies: [allow("sts:AssumeRole")],
        resourcePolicy: trust({ Service: "lambda.amazonaws.com" }),
      }).decision,
    ).toBe("ImplicitlyDenied");
  });
  it("needs the identity policy too when the trust policy names the account", () => {
    const byAccount = trust({ AWS: `arn:aws:iam::${ME}:root` });
    expect(
      decide({ request: request(user, "sts:AssumeRole", role), resourcePolicy: byAccount })
        .deniedBy,
    ).toBe("identity");
    expect(
      decide({
        request: request(user, "sts:AssumeRole", role),
        resourcePolicy: byAccount,
        identityPolicies: [allow("sts:AssumeRole")],
      }).decision,
    ).toBe("Allowed");
  });
});

describe("authorize: anonymous callers and organization policies", () => {
  it("admits anonymous callers only through a wildcard principal", () => {
    expect(decide({ request: request("anonymous"), identityPolicies: [allow("*")] }).decision).toBe(
      "ImplicitlyDenied",
    );
    expect(
      decide({
        request: request("anonymous"),
        resourcePolicy: allow("elasticfilesystem:ClientMount", { Principal: "*" }),
      }).decision,
    ).toBe("Allowed");
  });
  it("requires an allow at every SCP level", () => {
    const scps = [[allow("*")], [allow("s3:*")], [allow("*")]];
    const d = decide({
      request: request(user),
      identityPolicies: [allow("*")],
      serviceControlPolicies: scps,
    });
    expect(d.deniedBy).toBe("scp");
    expect(d.reasons[0]).toContain("level 1");
  });
  it("does not apply SCPs to anonymous callers but applies RCPs", () => {
    const rp = allow("elasticfilesystem:ClientMount", { Principal: "*" });
    expect(
      decide({ request: request("anonymous"), resourcePolicy: rp, serviceControlPolicies: [[]] })
        .decision,
    ).toBe("Allowed");
    expect(
      decide({
        request: request("anonymous"),
        resourcePolicy: rp,
        resourceControlPolicies: [[allow("s3:*", { Principal: "*" })]],
      }).deniedBy,
    ).toBe("rcp");
  });
  it("requires the endpoint policy to allow", () => {
    const d = decide({
      request: request(user),
      identityPolicies: [allow("*")],
      endpointPolicy: allow("s3:*", { Principal: "*" }),
    });
    expect(d.deniedBy).toBe("endpoint");
  });
});

describe("authorize: NotPrincipal", () => {
  it("denies everyone not listed under all their forms", () => {
    const np = (values: string[]) => ({
      Version: "2012-10-17",
      Statement: [{ Effect: "Deny", NotPrincipal: { AWS: values }, Action: "*", Resource: "*" }],
    });
    const base = { request: request(session), identityPolicies: [allow("*")] };
    expect(decide({ ...base, resourcePolicy: np([session, roleArn, ME]) }).decision).toBe(
      "Allowed",
    );
    expect(decide({ ...base, resourcePolicy: np([roleArn]) }).decision).toBe("ExplicitlyDenied");
    expect(
      decide({
        ...base,
        resourcePolicy: np([session, roleArn, ME]),
        permissionsBoundary: allow("*"),
      }).decision,
    ).toBe("ExplicitlyDenied");
  });
});

describe("authorize: trace", () => {
  it("names the condition key and the request value that stopped a statement", () => {
    const d = decide({
      request: {
        ...request(session),
        context: { "elasticfilesystem:AccessedViaMountTarget": "false" },
      },
      resourcePolicy: allow("elasticfilesystem:ClientMount", {
        Principal: { AWS: roleArn },
        Condition: { Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" } },
      }),
    });
    expect(d.decision).toBe("ImplicitlyDenied");
    const miss = d.trace[0]?.mismatch;
    expect(miss?.element).toBe("Condition");
    expect(miss?.key).toBe("elasticfilesystem:AccessedViaMountTarget");
    expect(miss?.requestValues).toEqual(["false"]);
  });
  it("records a malformed statement as an error that never applies", () => {
    const d = decide({
      request: request(user),
      identityPolicies: [
        { Version: "2012-10-17", Statement: [{ Effect: "Alow", Action: "*", Resource: "*" }] },
      ],
    });
    expect(d.decision).toBe("ImplicitlyDenied");
    expect(d.trace[0]?.error).toContain("`Alow`");
  });
});

describe("authorize: documented special cases", () => {
  it("limits a trust policy naming the caller by the caller's permissions boundary", () => {
    const role = `arn:aws:iam::${ME}:role/deploy`;
    const trust = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: user }, Action: "sts:AssumeRole" }],
    };
    const base = { request: request(user, "sts:AssumeRole", role), resourcePolicy: trust };
    expect(decide(base).decision).toBe("Allowed");
    const limited = decide({ ...base, permissionsBoundary: allow("s3:*") });
    expect(limited.decision).toBe("ImplicitlyDenied");
    expect(limited.deniedBy).toBe("boundary");
    expect(limited.reasons[0]).toContain("permissions boundary does not allow");
  });
  it("gives a federated user without a session policy no identity permissions", () => {
    const federated = `arn:aws:sts::${ME}:federated-user/carol`;
    const base = { request: request(federated), identityPolicies: [allow("*")] };
    const denied = decide(base);
    expect(denied.decision).toBe("ImplicitlyDenied");
    expect(denied.reasons[0]).toContain("without a session policy");
    expect(decide({ ...base, sessionPolicy: allow("elasticfilesystem:*") }).decision).toBe(
      "Allowed",
    );
  });
});
