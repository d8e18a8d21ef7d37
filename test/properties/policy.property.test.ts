/**
 * Property tests of the IAM policy engine over generated scenarios (see
 * `test/generators/policy-arbitraries.ts`): evaluation is total and returns
 * one of the three decisions; an applicable explicit Deny always wins and is
 * named in `deciding`; an Allow that cannot match changes nothing; adding an
 * Allow never takes access away. Each property runs about 500 cases.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { authorize, compilePolicySet } from "../../src/engines/policy/evaluate.js";
import type { Decision } from "../../src/engines/policy/index.js";
import {
  ALL_FEATURES,
  type IamPolicy,
  type IamStatement,
  policyFeatures,
  type Scenario,
  type StatementKind,
  scenarioArb,
  statementArb,
  toAuthorizationRequest,
  toPolicySetInput,
  unmatchableAllowArb,
  withStatement,
} from "../generators/policy-arbitraries.js";

const RUNS = { numRuns: 500 };
const DECISIONS = ["Allowed", "ImplicitlyDenied", "ExplicitlyDenied"];

function decide(s: Scenario): Decision {
  return authorize(compilePolicySet(toPolicySetInput(s)), toAuthorizationRequest(s));
}

/** Where an extra statement can go in a scenario, with the statement shape each place takes. */
type Target =
  | { readonly place: "identity"; readonly index: number }
  | { readonly place: "resource" | "boundary" | "session" }
  | { readonly place: "scp" | "rcp"; readonly level: number; readonly index: number };

function kindOf(s: Scenario, target: Target): StatementKind {
  if (target.place === "resource")
    return s.request.action.startsWith("sts:") ? "trust" : "resource";
  return target.place;
}

/** Places of a scenario that already hold a policy, plus a new identity policy where one may be attached. */
function targets(s: Scenario, options: { rcp: boolean }): Target[] {
  const out: Target[] = [];
  const identityCapable = ["user", "role-session", "federated-user"].includes(s.caller.kind);
  if (identityCapable) {
    for (let index = 0; index <= s.identityPolicies.length; index++)
      out.push({ place: "identity", index });
  }
  out.push({ place: "resource" });
  if (s.permissionsBoundary) out.push({ place: "boundary" });
  if (s.sessionPolicy) out.push({ place: "session" });
  s.serviceControlPolicies.forEach((level, l) => {
    level.forEach((_, index) => {
      out.push({ place: "scp", level: l, index });
    });
  });
  if (options.rcp) {
    s.resourceControlPolicies.forEach((level, l) => {
      level.forEach((_, index) => {
        out.push({ place: "rcp", level: l, index });
      });
    });
  }
  return out;
}

function addAt(
  levels: IamPolicy[][],
  level: number,
  index: number,
  statement: IamStatement,
): IamPolicy[][] {
  return levels.map((policies, l) =>
    l === level
      ? policies.map((p, i) => (i === index ? withStatement(p, statement) : p))
      : policies,
  );
}

/** The scenario with `statement` added at `target`. */
function add(s: Scenario, target: Target, statement: IamStatement): Scenario {
  switch (target.place) {
    case "identity": {
      const identityPolicies = [...s.identityPolicies];
      identityPolicies[target.index] = withStatement(identityPolicies[target.index], statement);
      return { ...s, identityPolicies };
    }
    case "resource":
      return { ...s, resourcePolicy: withStatement(s.resourcePolicy, statement) };
    case "boundary":
      return { ...s, permissionsBoundary: withStatement(s.permissionsBoundary, statement) };
    case "session":
      return { ...s, sessionPolicy: withStatement(s.sessionPolicy, statement) };
    case "scp":
      return {
        ...s,
        serviceControlPolicies: addAt(
          s.serviceControlPolicies,
          target.level,
          target.index,
          statement,
        ),
      };
    case "rcp":
      return {
        ...s,
        resourceControlPolicies: addAt(
          s.resourceControlPolicies,
          target.level,
          target.index,
          statement,
        ),
      };
  }
}

/** `statement` as an Allow (a NotPrincipal, which only Deny statements get, becomes a Principal). */
function asAllow(statement: IamStatement): IamStatement {
  const { NotPrincipal, ...rest } = statement;
  return { ...rest, Effect: "Allow", ...(NotPrincipal ? { Principal: NotPrincipal } : {}) };
}

const BLANKET_DENY: IamStatement = { Effect: "Deny", Action: "*", Resource: "*" };

describe("policy engine properties", () => {
  it("never throws and always returns one of the three decisions", () => {
    fc.assert(
      fc.property(scenarioArb(ALL_FEATURES), (s) => {
        const decision = decide(s);
        expect(DECISIONS).toContain(decision.decision);
      }),
      RUNS,
    );
  });

  it("names the deciding statements of every explicit deny", () => {
    fc.assert(
      fc.property(scenarioArb(ALL_FEATURES), (s) => {
        const decision = decide(s);
        if (decision.decision === "ExplicitlyDenied")
          expect(decision.deciding.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  // The account root is left out: IAM cannot attach identity policies to it,
  // and the engine ignores any it is given.
  it("denies explicitly when an identity policy of an IAM caller denies everything", () => {
    const features = policyFeatures({ callers: ["user", "role-session", "federated-user"] });
    const arb = scenarioArb(features).chain((s) =>
      fc.nat(s.identityPolicies.length).map((index) => ({ s, index })),
    );
    fc.assert(
      fc.property(arb, ({ s, index }) => {
        const denied = add(s, { place: "identity", index }, BLANKET_DENY);
        const decision = decide(denied);
        expect(decision.decision).toBe("ExplicitlyDenied");
        expect(decision.deciding.some((d) => d.policy.kind === "identity")).toBe(true);
      }),
      RUNS,
    );
  });

  it("denies explicitly when the resource policy denies everyone", () => {
    fc.assert(
      fc.property(scenarioArb(ALL_FEATURES), (s) => {
        const trust = s.request.action.startsWith("sts:");
        const statement: IamStatement = trust
          ? { Effect: "Deny", Principal: "*", Action: "*" }
          : { ...BLANKET_DENY, Principal: "*" };
        const decision = decide(add(s, { place: "resource" }, statement));
        expect(decision.decision).toBe("ExplicitlyDenied");
      }),
      RUNS,
    );
  });

  it("is unchanged by an Allow for a service the request does not use", () => {
    const arb = scenarioArb(ALL_FEATURES).chain((s) =>
      fc.constantFrom(...targets(s, { rcp: true })).chain((target) =>
        unmatchableAllowArb(s.request, kindOf(s, target)).map((statement) => ({
          s,
          target,
          statement,
        })),
      ),
    );
    fc.assert(
      fc.property(arb, ({ s, target, statement }) => {
        const before = decide(s).decision;
        const after = decide(add(s, target, statement)).decision;
        expect(after).toBe(before);
      }),
      RUNS,
    );
  });

  it("never turns Allowed into ImplicitlyDenied by adding an Allow", () => {
    const arb = scenarioArb(ALL_FEATURES).chain((s) =>
      fc.constantFrom(...targets(s, { rcp: false })).chain((target) =>
        statementArb(kindOf(s, target), {
          caller: s.caller,
          request: s.request,
          features: ALL_FEATURES,
        }).map((generated) => ({ s, target, statement: asAllow(generated) })),
      ),
    );
    fc.assert(
      fc.property(arb, ({ s, target, statement }) => {
        const before = decide(s).decision;
        const after = decide(add(s, target, statement)).decision;
        if (before === "Allowed") expect(after).not.toBe("ImplicitlyDenied");
        if (before === "ImplicitlyDenied") expect(after).not.toBe("ExplicitlyDenied");
        if (before === "ExplicitlyDenied") expect(after).toBe("ExplicitlyDenied");
      }),
      RUNS,
    );
  });
});
