/**
 * ListFunctions: the account's functions in name order, a page at a time.
 * A page holds at most 50 functions whatever MaxItems says (Lambda API);
 * NextMarker is the opaque name of the first function not yet returned, so
 * a page stays right when functions come and go between calls.
 */
import { LIST_FUNCTIONS_PAGE } from "./assumptions.js";
import type { LambdaContext } from "./context.js";
import { invalidParameter } from "./errors.js";
import { LAMBDA_RECORD, type LambdaFunction } from "./model.js";
import { ShapeChecks } from "./shape-checks.js";

/** One page of ListFunctions. */
export interface FunctionPage {
  readonly functions: LambdaFunction[];
  readonly nextMarker?: string;
}

/**
 * ListFunctions: functions by name, a page at a time (Marker/NextMarker).
 *
 * @example
 * const { functions, nextMarker } = listFunctions(ctx, { maxItems: 10 });
 */
export function listFunctions(
  ctx: LambdaContext,
  request: { readonly marker?: string; readonly maxItems?: number },
): FunctionPage {
  const checks = new ShapeChecks();
  checks.range(request.maxItems, "maxItems", 1, 10000);
  checks.throwIfAny();
  const size = Math.min(request.maxItems ?? LIST_FUNCTIONS_PAGE, LIST_FUNCTIONS_PAGE);
  const from = request.marker === undefined ? undefined : decodeMarker(request.marker);
  const all = ctx.store.records.list<LambdaFunction>(LAMBDA_RECORD.function);
  const rest = from === undefined ? all : all.filter((f) => f.functionName >= from);
  const next = rest[size];
  return {
    functions: rest.slice(0, size),
    ...(next ? { nextMarker: Buffer.from(next.functionName, "utf8").toString("base64url") } : {}),
  };
}

function decodeMarker(marker: string): string {
  const name = Buffer.from(marker, "base64url").toString("utf8");
  if (!/^[a-zA-Z0-9-_]+$/.test(name)) throw invalidParameter(`marker \`${marker}\` is not valid`);
  return name;
}
