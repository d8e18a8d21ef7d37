/**
 * The contract between the deployer and one resource type: `create` reads
 * the resolved properties, asks `allow` for every operation it is about to
 * perform (so the deploying principal's policies decide each), calls the
 * service functions and answers the physical id (what `Ref` returns), the
 * attributes `Fn::GetAtt` may read and what `remove` needs to delete it
 * again (rollback, DeleteStack). A type whose resource is one per parent
 * (an inline policy of a role, a secret's resource policy) also has
 * `update`, which changes it in place during a stack update instead of
 * replacing it. Handlers throw the services' own errors.
 */
import type { ServiceContext } from "../context.js";
import type { PropertyReader } from "./properties.js";

/** What a handler works with. */
export interface HandlerEnv {
  readonly ctx: ServiceContext;
  readonly stackName: string;
  readonly logicalId: string;
  /** Throws AccessDenied unless the deploying principal may do `action` on `resource`. */
  allow(action: string, resource: string): void;
}

/** What creating a resource made. */
export interface Created {
  readonly physicalId: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly undo: Readonly<Record<string, string | readonly string[]>>;
  /** A warning to put on the CREATE_COMPLETE event (placeholders). */
  readonly warning?: string;
}

/** One resource type's creation and deletion. */
export interface ResourceHandler {
  create(env: HandlerEnv, props: PropertyReader): Created;
  remove(ctx: ServiceContext, undo: Created["undo"]): void;
  /**
   * Changes the resource in place to `props`; `previous` is what its
   * creation or last update made. Answers what it is now.
   */
  update?(env: HandlerEnv, props: PropertyReader, previous: Created): Created;
}

/**
 * A string field of an undo record (empty when absent).
 *
 * @example
 * undoString({ roleName: "app" }, "roleName"); // "app"
 */
export function undoString(undo: Created["undo"], key: string): string {
  const v = undo[key];
  return typeof v === "string" ? v : "";
}

/**
 * A list field of an undo record (empty when absent).
 *
 * @example
 * undoList({ roles: ["a"] }, "roles"); // ["a"]
 */
export function undoList(undo: Created["undo"], key: string): readonly string[] {
  const v = undo[key];
  return Array.isArray(v) ? v : [];
}
