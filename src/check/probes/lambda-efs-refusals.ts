/**
 * Lambda's CreateFunction refusals about EFS, turned into the rules that
 * explain them: FileSystemConfigs without a VPC (`lambda-efs-no-vpc`) and
 * subnets in an Availability Zone where the file system has no mount
 * target (`lambda-efs-no-mount-target`, naming the subnet and the zone
 * found by looking at what was deployed). Other refusals are not these.
 */
import { findSubnet } from "../../services/ec2/lookup.js";
import { RECORD } from "../../services/efs/context.js";
import type { AccessPoint } from "../../services/efs/model.js";
import { listMountTargets } from "../../services/efs/mount-targets.js";
import type { ResolvedValue } from "../../templates/model.js";
import type { DeployFailure, Emulation } from "../emulate.js";
import type { Finding } from "../finding.js";
import { findingOf } from "../finding-of.js";
import type { DeployedResource } from "../probe.js";

/**
 * The finding for a function Lambda refused over its EFS configuration, if that is why.
 *
 * @example
 * lambdaEfsRefusal(emulation, failure, asDeployed, properties); // { ruleId: "lambda-efs-no-vpc", … } or undefined
 */
export function lambdaEfsRefusal(
  emulation: Emulation,
  failure: DeployFailure,
  resource: DeployedResource,
  properties: { readonly [key: string]: ResolvedValue },
): Finding | undefined {
  if (resource.type !== "AWS::Lambda::Function") return undefined;
  const { ctx } = emulation.run;
  const evidence = [`CREATE_FAILED ${resource.type} ${resource.logicalId}: ${failure.reason}`];
  const accessPointArn = firstAccessPointArn(properties.FileSystemConfigs);
  if (accessPointArn === undefined) return undefined;
  const ap = ctx.store.records.get<AccessPoint>(
    RECORD.accessPoint,
    accessPointArn.slice(accessPointArn.lastIndexOf("/") + 1),
  );
  if (ap === undefined) return undefined;
  const fileSystem =
    emulation.declared.find(
      (r) => r.type === "AWS::EFS::FileSystem" && emulation.lookup(r.logicalId) === ap.fileSystemId,
    )?.logicalId ?? ap.fileSystemId;
  const values = { function: resource.logicalId, fileSystem };
  if (failure.reason.includes("must be configured to execute in a VPC"))
    return findingOf({
      ruleId: "lambda-efs-no-vpc",
      resource,
      values,
      evidence,
      path: ["FileSystemConfigs"],
    });
  if (!failure.reason.includes("does not have mount target")) return undefined;
  const zones = new Set(listMountTargets(ctx, ap.fileSystemId).map((t) => t.availabilityZoneName));
  const vpc = properties.VpcConfig;
  const subnetIds =
    typeof vpc === "object" && vpc !== null && !Array.isArray(vpc)
      ? strings((vpc as { readonly [key: string]: ResolvedValue }).SubnetIds)
      : [];
  for (const subnetId of subnetIds) {
    const subnet = findSubnet(ctx, subnetId);
    if (subnet === undefined || zones.has(subnet.availabilityZone)) continue;
    const subnetName =
      emulation.declared.find(
        (r) => r.type === "AWS::EC2::Subnet" && emulation.lookup(r.logicalId) === subnetId,
      )?.logicalId ?? subnetId;
    return findingOf({
      ruleId: "lambda-efs-no-mount-target",
      resource,
      values: { ...values, subnet: subnetName, az: subnet.availabilityZone },
      evidence: [
        ...evidence,
        `mount targets of ${ap.fileSystemId}: ${[...zones].join(", ") || "none"}`,
      ],
      path: ["VpcConfig", "SubnetIds"],
    });
  }
  return undefined;
}

function firstAccessPointArn(configs: ResolvedValue | undefined): string | undefined {
  if (!Array.isArray(configs)) return undefined;
  const first = configs[0];
  if (typeof first !== "object" || first === null || Array.isArray(first)) return undefined;
  const arn = (first as { readonly [key: string]: ResolvedValue }).Arn;
  return typeof arn === "string" ? arn : undefined;
}

function strings(value: ResolvedValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
