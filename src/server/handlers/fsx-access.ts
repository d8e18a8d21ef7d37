/**
 * What FSx asks the policy engine: the action `fsx:<Operation>` on the
 * file system's ARN, with its tags as `aws:ResourceTag/<k>` and a
 * request's tags as `aws:RequestTag/<k>` and `aws:TagKeys`. For a file
 * system that does not exist the ask is on the ARN the id would have, so
 * an unauthorized caller learns nothing about which file systems exist.
 */
import type { ContextValue } from "../../engines/policy/request.js";
import type { ServiceContext } from "../../services/context.js";
import { fsxArn } from "../../services/fsx/ids.js";
import { findFileSystem } from "../../services/fsx/lookup.js";
import { resourceTagContext } from "../../services/fsx/tags.js";
import type { AccessAsk } from "./handler.js";

/**
 * The ask for `action` on the file system `id` (found or not).
 *
 * @example
 * fileSystemAsk(ctx, "fsx:DeleteFileSystem", "fs-0123456789abcdef0").resource;
 * // "arn:aws:fsx:us-east-1:000000000000:file-system/fs-0123456789abcdef0"
 */
export function fileSystemAsk(
  ctx: ServiceContext,
  action: string,
  id: string,
  extra: Readonly<Record<string, ContextValue>> = {},
): AccessAsk {
  const fs = findFileSystem(ctx, id);
  return {
    action,
    resource: fs?.resourceArn ?? fsxArn(ctx.region, ctx.account, id),
    context: { ...(fs ? resourceTagContext(fs.tags) : {}), ...extra },
  };
}
