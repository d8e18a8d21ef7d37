/**
 * The policy EFS applies when no file system policy is set (including right
 * after creation): no IAM authentication, full access for any anonymous
 * client that connects through a mount target (aws-facts B6; EFS User
 * Guide, "Default EFS file system policy"). Written as the policy it
 * behaves as, so the same engine and trace explain it.
 */
import type { PolicyDocument } from "../../engines/policy/ast.js";
import { parsePolicyValue } from "../../engines/policy/parse.js";

/** The default file system policy, as a policy value. */
export const DEFAULT_FILE_SYSTEM_POLICY = {
  Version: "2012-10-17",
  Id: "accesslab-efs-default-policy",
  Statement: [
    {
      Sid: "DefaultFullAccessThroughMountTargets",
      Effect: "Allow",
      Principal: { AWS: "*" },
      Action: [
        "elasticfilesystem:ClientMount",
        "elasticfilesystem:ClientWrite",
        "elasticfilesystem:ClientRootAccess",
      ],
      Condition: { Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" } },
    },
  ],
} as const;

/** The default policy parsed once. */
export const DEFAULT_FILE_SYSTEM_POLICY_DOCUMENT: PolicyDocument = (() => {
  const { policy } = parsePolicyValue(DEFAULT_FILE_SYSTEM_POLICY);
  if (!policy) throw new Error("the built-in default EFS policy does not parse");
  return policy;
})();
