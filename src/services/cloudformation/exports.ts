/**
 * CloudFormation exports: the outputs with an `Export.Name` of the live
 * stacks of this account and region (a stack's outputs exist once it is
 * `CREATE_COMPLETE`), listed as ListExports answers them, and looked up by
 * name for `Fn::ImportValue` while a template is read, each name found
 * recorded so the importing stack can keep the list (an imported export
 * cannot be deleted).
 */
import type { ExportLookup } from "../../templates/cfn/imports.js";
import type { ServiceContext } from "../context.js";
import { liveStacks } from "./stacks.js";

/** One export (ListExports `Export`). */
export interface StackExport {
  readonly name: string;
  readonly value: string;
  readonly stackId: string;
  readonly stackName: string;
}

/**
 * Every export of the live stacks, oldest stack first.
 *
 * @example
 * listExports(ctx)[0]; // { name: "accesslab-demo-SubnetA", value: "subnet-…", stackId: "arn:…", stackName: "accesslab-demo" }
 */
export function listExports(ctx: ServiceContext): StackExport[] {
  return liveStacks(ctx).flatMap((stack) =>
    stack.outputs.flatMap((o) =>
      o.exportName === undefined
        ? []
        : [
            {
              name: o.exportName,
              value: o.value,
              stackId: stack.stackId,
              stackName: stack.stackName,
            },
          ],
    ),
  );
}

/**
 * A lookup over the current exports, and the names it found (in first-use order).
 *
 * @example
 * const { lookup, used } = exportLookup(ctx);
 * lookup("accesslab-demo-SubnetA"); // "subnet-…"
 * [...used]; // ["accesslab-demo-SubnetA"]
 */
export function exportLookup(ctx: ServiceContext): { lookup: ExportLookup; used: Set<string> } {
  const values = new Map(listExports(ctx).map((e) => [e.name, e.value]));
  const used = new Set<string>();
  const lookup: ExportLookup = (name) => {
    const value = values.get(name);
    if (value !== undefined) used.add(name);
    return value;
  };
  return { lookup, used };
}
