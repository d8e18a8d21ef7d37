/**
 * What each CloudFormation operation must be allowed: `cloudformation:<Op>`
 * on the stack's ARN (`arn:aws:cloudformation:<region>:<account>:stack/
 * <name>/*` for a name, the id itself for a stack id, `*` for every
 * stack), and for CreateStack with a RoleARN also `iam:PassRole` on that
 * role (aws-facts G3).
 */
import type { QueryParams } from "../../protocol/query.js";
import type { ServiceContext } from "../../services/context.js";
import type { AccessAsk } from "./handler.js";

/**
 * The access asks of one CloudFormation call.
 *
 * @example
 * cloudFormationAccess(ctx, "CreateStack", params); // [{ action: "cloudformation:CreateStack", … }, { action: "iam:PassRole", … }]
 */
export function cloudFormationAccess(
  ctx: ServiceContext,
  operation: string,
  params: QueryParams,
): readonly AccessAsk[] {
  const name = params.get("StackName");
  const resource =
    name === undefined
      ? "*"
      : name.startsWith("arn:")
        ? name
        : `arn:aws:cloudformation:${ctx.region}:${ctx.account}:stack/${name}/*`;
  const asks: AccessAsk[] = [{ action: `cloudformation:${operation}`, resource }];
  const role = params.get("RoleARN");
  if (operation === "CreateStack" && role !== undefined)
    asks.push({ action: "iam:PassRole", resource: role });
  return asks;
}
