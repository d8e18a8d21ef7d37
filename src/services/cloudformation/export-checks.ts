/**
 * The two rules CloudFormation keeps about exports between stacks: an
 * export name is unique in an account and region (a second stack
 * exporting it fails with "Export with name X is already exported by
 * stack Y"), and an export another live stack imports cannot be deleted
 * ("Export X cannot be deleted as it is in use by Y"; a stack update
 * that drops or changes it fails with "Cannot delete export X as it is in
 * use by Y" or "Export X cannot be updated as it is in use by Y"). Each
 * check answers the reason, or `undefined` when the rule holds.
 */
import type { ServiceContext } from "../context.js";
import { exportDeleteInUse, exportInUse, exportTaken, exportUpdateInUse } from "./errors.js";
import { listExports } from "./exports.js";
import type { Stack, StackOutput } from "./model.js";
import { liveStacks } from "./stacks.js";

/**
 * Why a stack (a new one, or the stack `ownStackId` being updated) cannot
 * export `names`, if one is taken by another stack.
 *
 * @example
 * takenExport(ctx, ["shared-vpc"]); // "Export with name shared-vpc is already exported by stack network"
 */
export function takenExport(
  ctx: ServiceContext,
  names: readonly string[],
  ownStackId?: string,
): string | undefined {
  const existing = listExports(ctx).filter((e) => e.stackId !== ownStackId);
  for (const name of names) {
    const owner = existing.find((e) => e.name === name);
    if (owner) return exportTaken(name, owner.stackName);
  }
  return undefined;
}

/**
 * Why `stack` cannot be deleted, if another live stack imports one of its exports.
 *
 * @example
 * exportStillImported(ctx, network); // "Export shared-vpc cannot be deleted as it is in use by app"
 */
export function exportStillImported(ctx: ServiceContext, stack: Stack): string | undefined {
  const others = liveStacks(ctx).filter((s) => s.stackId !== stack.stackId);
  for (const output of stack.outputs) {
    const name = output.exportName;
    if (name === undefined) continue;
    const importer = others.find((s) => s.imports?.includes(name));
    if (importer) return exportInUse(name, importer.stackName);
  }
  return undefined;
}

/**
 * Why `stack` cannot take `outputs` in an update, if another live stack
 * imports an export they drop or change.
 *
 * @example
 * exportChangeInUse(ctx, network, []); // "Cannot delete export shared-vpc as it is in use by app"
 */
export function exportChangeInUse(
  ctx: ServiceContext,
  stack: Stack,
  outputs: readonly StackOutput[],
): string | undefined {
  const others = liveStacks(ctx).filter((s) => s.stackId !== stack.stackId);
  for (const output of stack.outputs) {
    const name = output.exportName;
    if (name === undefined) continue;
    const importer = others.find((s) => s.imports?.includes(name));
    if (!importer) continue;
    const next = outputs.find((o) => o.exportName === name);
    if (!next) return exportDeleteInUse(name, importer.stackName);
    if (next.value !== output.value) return exportUpdateInUse(name, importer.stackName);
  }
  return undefined;
}
