/**
 * What a probe works on and returns. After a template is deployed into an
 * in-memory emulator, each probe looks at the deployed resources of the
 * types it knows, acts as the workload would (mounts, writes, reads, calls)
 * against the emulator's services, and turns every failure into a finding of
 * a rule in `rules.ts`. A finding is an emulated failure, not a pattern.
 */
import type { SourcePosition } from "../formats/position.js";
import type { ServiceContext } from "../services/context.js";
import type { ResolvedValue } from "../templates/model.js";
import type { Finding } from "./finding.js";

/** One template resource as it exists in the emulator after deployment. */
export interface DeployedResource {
  readonly logicalId: string;
  readonly type: string;
  /** What `Ref` returns for it (a file system id, an access point id, a role name, …). */
  readonly physicalId: string;
  readonly file: string;
  readonly position?: SourcePosition;
  /** Logical ids it refers to or depends on (what it uses). */
  readonly dependsOn: readonly string[];
  /** Its properties, resolved against the deployed resources. */
  readonly properties: { readonly [key: string]: ResolvedValue };
  /** Where a property path is written, for the finding's position. */
  positionOf(path: readonly (string | number)[]): SourcePosition | undefined;
}

/** A probe's view of one deployed template. */
export interface ProbeRun {
  /** The emulator the template was deployed into. */
  readonly ctx: ServiceContext;
  readonly resources: readonly DeployedResource[];
}

/** A probe: findings for the resources it knows. */
export type Probe = (run: ProbeRun) => readonly Finding[];

/**
 * The deployed resources of one type, in template order.
 *
 * @example
 * resourcesOfType(run, "AWS::EFS::AccessPoint").map((r) => r.logicalId);
 */
export function resourcesOfType(run: ProbeRun, type: string): readonly DeployedResource[] {
  return run.resources.filter((r) => r.type === type);
}

/**
 * The deployed resource with this type and physical id, when the template has it.
 *
 * @example
 * byPhysicalId(run, "AWS::EFS::FileSystem", "fs-0123456789abcdef0")?.logicalId; // "Data"
 */
export function byPhysicalId(
  run: ProbeRun,
  type: string,
  physicalId: string,
): DeployedResource | undefined {
  return run.resources.find((r) => r.type === type && r.physicalId === physicalId);
}
