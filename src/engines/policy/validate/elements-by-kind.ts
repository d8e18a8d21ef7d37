/**
 * Which elements each policy kind must and may carry. Identity policies,
 * permissions boundaries, session policies and SCPs name no principal and
 * need a resource; resource-based, VPC endpoint and trust policies need a
 * principal; trust policies take no resource and no `NotPrincipal` (IAM
 * User Guide, "NotPrincipal"); RCPs need both and support no `NotPrincipal`
 * or `NotAction` (AWS Organizations, "RCP syntax").
 */
import { POLICY_KIND_LABEL, type PolicyKind } from "../policy-kind.js";
import type { Finding } from "./finding.js";
import { finding, type RuleContext } from "./rule.js";

type Need = "required" | "recommended" | "forbidden";

interface KindShape {
  readonly principal: Need;
  readonly resource: Need;
  readonly notPrincipal: boolean;
  readonly notAction: boolean;
}

const IDENTITY_LIKE: KindShape = {
  principal: "forbidden",
  resource: "required",
  notPrincipal: false,
  notAction: true,
};

/** The element requirements of each kind. */
export const KIND_SHAPES: Readonly<Record<PolicyKind, KindShape>> = {
  identity: IDENTITY_LIKE,
  boundary: IDENTITY_LIKE,
  session: IDENTITY_LIKE,
  scp: IDENTITY_LIKE,
  resource: { principal: "required", resource: "recommended", notPrincipal: true, notAction: true },
  endpoint: { principal: "required", resource: "recommended", notPrincipal: true, notAction: true },
  trust: { principal: "required", resource: "forbidden", notPrincipal: false, notAction: true },
  rcp: { principal: "required", resource: "required", notPrincipal: false, notAction: false },
};

/**
 * Reports elements missing or not allowed in the policy's kind.
 *
 * @example
 * checkElementsByKind({ ...context, kind: "identity" }); // [{ code: "unsupported-principal", ... }]
 */
export function checkElementsByKind({ policy, kind }: RuleContext): Finding[] {
  const shape = KIND_SHAPES[kind];
  const name = POLICY_KIND_LABEL[kind];
  const label = `${/^[aeiouAEIOU]/.test(name) ? "an" : "a"} ${name}`;
  const out: Finding[] = [];
  for (const s of policy.statements) {
    const principal = s.principal ?? s.notPrincipal;
    if (shape.principal === "forbidden" && principal) {
      const element = s.principal ? "Principal" : "NotPrincipal";
      const message = `\`${element}\` is not supported in ${label}; remove it`;
      out.push(finding("ERROR", "unsupported-principal", message, principal.position, s.index));
    } else if (shape.principal === "required" && !principal) {
      const message = `statement ${s.index} has no \`Principal\`, which ${label} requires`;
      out.push(finding("ERROR", "missing-principal", message, s.position, s.index));
    }
    if (shape.principal !== "forbidden" && !shape.notPrincipal && s.notPrincipal) {
      const message = `\`NotPrincipal\` is not supported in ${label}; use \`Principal\` with a condition`;
      out.push(
        finding("ERROR", "unsupported-not-principal", message, s.notPrincipal.position, s.index),
      );
    }
    if (!shape.notAction && s.notAction) {
      const message = `\`NotAction\` is not supported in ${label}; use \`Action\``;
      out.push(
        finding(
          "ERROR",
          "unsupported-not-action",
          message,
          s.notAction[0]?.position ?? s.position,
          s.index,
        ),
      );
    }
    const resource = s.resource ?? s.notResource;
    if (shape.resource === "forbidden" && resource) {
      const element = s.resource ? "Resource" : "NotResource";
      const message = `\`${element}\` is not allowed in ${label}; the role itself is the resource`;
      out.push(
        finding(
          "ERROR",
          "unsupported-resource",
          message,
          resource[0]?.position ?? s.position,
          s.index,
        ),
      );
    } else if (shape.resource !== "forbidden" && !resource) {
      const required = shape.resource === "required";
      const message = required
        ? `statement ${s.index} has neither \`Resource\` nor \`NotResource\`, which ${label} requires`
        : `statement ${s.index} has no \`Resource\`; most services require it in ${label}`;
      out.push(
        finding(required ? "ERROR" : "WARNING", "missing-resource", message, s.position, s.index),
      );
    }
  }
  return out;
}
