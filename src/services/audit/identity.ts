/**
 * CloudTrail's `userIdentity` for a principal ARN: the account root
 * (`Root`), an IAM user (`IAMUser`), a role session (`AssumedRole`, with
 * the role as `sessionContext.sessionIssuer`), a service principal
 * (`AWSService`), or anything else (`Unknown`).
 */
import { parseCaller } from "../../engines/policy/caller.js";
import type { AuditIdentity } from "./event.js";

/** What is known of the caller. */
export interface IdentityInput {
  readonly principalArn: string;
  readonly principalId?: string;
  readonly accessKeyId?: string;
}

/**
 * The `userIdentity` of a caller.
 *
 * @example
 * auditIdentity({ principalArn: "arn:aws:iam::000000000000:root", accessKeyId: "test" }).type; // "Root"
 */
export function auditIdentity(input: IdentityInput): AuditIdentity {
  const caller = parseCaller(input.principalArn);
  const common = {
    ...(input.principalId !== undefined ? { principalId: input.principalId } : {}),
    ...(input.accessKeyId !== undefined ? { accessKeyId: input.accessKeyId } : {}),
  };
  const arn = input.principalArn;
  switch (caller.kind) {
    case "root":
      return { type: "Root", ...common, arn: caller.arn ?? arn, accountId: caller.account ?? "" };
    case "user":
      return {
        type: "IAMUser",
        ...common,
        arn,
        accountId: caller.account ?? "",
        userName: caller.userName ?? "",
      };
    case "role-session": {
      const account = caller.account ?? "";
      const roleId = input.principalId?.split(":")[0];
      return {
        type: "AssumedRole",
        ...common,
        arn,
        accountId: account,
        sessionContext: {
          sessionIssuer: {
            type: "Role",
            ...(roleId !== undefined ? { principalId: roleId } : {}),
            arn: caller.roleArn ?? "",
            accountId: account,
            userName: caller.roleName ?? "",
          },
          attributes: { mfaAuthenticated: "false" },
        },
      };
    }
    case "service":
      return { type: "AWSService", invokedBy: arn };
    default:
      return { type: "Unknown", ...common, ...(arn === "" ? {} : { principalId: arn }) };
  }
}
