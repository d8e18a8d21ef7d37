/**
 * The services the server answers, by service id, each as a binding the
 * chain plans calls with. A service routed but missing here answers 501
 * `NotImplemented`.
 */
import { ProtocolError } from "../../protocol/errors.js";
import { iamAccess } from "../authorize/iam-requests.js";
import { CLOUDFORMATION_HANDLERS } from "./cloudformation.js";
import { cloudFormationAccess } from "./cloudformation-access.js";
import { EC2_BINDING } from "./ec2-binding.js";
import { ECS_BINDING } from "./ecs.js";
import { EFS_BINDING } from "./efs.js";
import { FSX_BINDING } from "./fsx.js";
import type { ServiceBinding } from "./handler.js";
import { IAM_HANDLERS } from "./iam.js";
import { LAMBDA_BINDING } from "./lambda.js";
import { queryBinding } from "./query-binding.js";
import { SECRETS_MANAGER_BINDING } from "./secretsmanager.js";
import { STS_HANDLERS } from "./sts.js";

const accessDenied = (message: string) => new ProtocolError("AccessDenied", 403, message);

/**
 * Bindings by service id.
 *
 * @example
 * SERVICE_BINDINGS.sts?.plan(ctx, route, call).operation; // "GetCallerIdentity"
 */
export const SERVICE_BINDINGS: Readonly<Record<string, ServiceBinding>> = {
  sts: queryBinding("sts", STS_HANDLERS, () => [], accessDenied),
  iam: queryBinding("iam", IAM_HANDLERS, iamAccess, accessDenied),
  ec2: EC2_BINDING,
  ecs: ECS_BINDING,
  efs: EFS_BINDING,
  fsx: FSX_BINDING,
  lambda: LAMBDA_BINDING,
  secretsmanager: SECRETS_MANAGER_BINDING,
  cloudformation: queryBinding(
    "cloudformation",
    CLOUDFORMATION_HANDLERS,
    cloudFormationAccess,
    accessDenied,
  ),
};
