/**
 * What each CloudFormation operation must be allowed: `cloudformation:<Op>`
 * on the stack's ARN (`arn:aws:cloudformation:<region>:<account>:stack/
 * <name>/*` for a name, the id itself for a stack id, `*` for every
 * stack; a change set named by its ARN alone stands for its stack), and
 * for CreateStack, UpdateStack and CreateChangeSet with a RoleARN also
 * `iam:PassRole` on that role (aws-facts G3).
 */
import type { QueryParams } from "../../protocol/query.js";
import { findChangeSet } from "../../services/cloudformation/change-set-store.js";
import type { ServiceContext } from "../../services/context.js";
import type { AccessAsk } from "./handler.js";

const PASSES_ROLE = new Set(["CreateStack", "UpdateStack", "CreateChangeSet"]);

function stackOf(ctx: ServiceContext, params: QueryParams): string | undefined {
  const name = params.get("StackName");
  if (name !== undefined) return name;
  const changeSet = params.get("ChangeSetName");
  if (changeSet?.startsWith("arn:")) return findChangeSet(ctx, changeSet)?.stackId;
  return undefined;
}

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
  const name = stackOf(ctx, params);
  const resource =
    name === undefined
      ? "*"
      : name.startsWith("arn:")
        ? name
        : `arn:aws:cloudformation:${ctx.region}:${ctx.account}:stack/${name}/*`;
  const asks: AccessAsk[] = [{ action: `cloudformation:${operation}`, resource }];
  const role = params.get("RoleARN");
  if (PASSES_ROLE.has(operation) && role !== undefined)
    asks.push({ action: "iam:PassRole", resource: role });
  return asks;
}
