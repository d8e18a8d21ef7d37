/**
 * Where a new Windows file system sits in the VPC (FSx API
 * CreateFileSystem, InvalidNetworkSettings): one subnet for Single-AZ
 * deployments, two in different Availability Zones for MULTI_AZ_1 (with a
 * PreferredSubnetId among them), all in one VPC; each security group must
 * exist in that VPC (the VPC's `default` group when none is given). The
 * preferred file server gets the lowest free address of the preferred
 * subnet, past the ones EFS mount targets and other file systems hold.
 */

import type { ServiceContext } from "../context.js";
import { findSecurityGroup, findSubnet } from "../ec2/lookup.js";
import { EC2_RECORD, type SecurityGroup, type Subnet } from "../ec2/model.js";
import { RECORD as EFS_RECORD } from "../efs/context.js";
import type { MountTarget } from "../efs/model.js";
import { pickAddress } from "../efs/subnet-address.js";
import type { CreateRequest } from "./create-input.js";
import { invalidNetworkSettings } from "./errors.js";
import { FSX_RECORD, type FsxFileSystem } from "./model.js";

/** The network placement of a new file system. */
export interface Placement {
  readonly vpcId: string;
  readonly subnets: readonly Subnet[];
  readonly preferredSubnetId: string;
  readonly preferredFileServerIp: string;
  readonly securityGroupIds: readonly string[];
}

/**
 * Checks the request's subnets and groups and picks the server's address.
 *
 * @example
 * placeFileSystem(ctx, request).preferredFileServerIp; // "10.0.1.4"
 */
export function placeFileSystem(ctx: ServiceContext, request: CreateRequest): Placement {
  const subnets = request.subnetIds.map((id) => {
    const subnet = findSubnet(ctx, id);
    if (!subnet) {
      throw invalidNetworkSettings(`The subnet ID '${id}' does not exist`, { InvalidSubnetId: id });
    }
    return subnet;
  });
  checkCount(request, subnets);
  const vpcId = subnets[0]?.vpcId ?? "";
  const elsewhere = subnets.find((s) => s.vpcId !== vpcId);
  if (elsewhere) {
    throw invalidNetworkSettings(
      `subnets must all be in one VPC: \`${elsewhere.subnetId}\` is in \`${elsewhere.vpcId}\`, not \`${vpcId}\``,
      { InvalidSubnetId: elsewhere.subnetId },
    );
  }
  const preferred = preferredSubnet(request, subnets);
  return {
    vpcId,
    subnets,
    preferredSubnetId: preferred.subnetId,
    preferredFileServerIp: freeAddress(ctx, preferred),
    securityGroupIds: groups(ctx, vpcId, request.securityGroupIds),
  };
}

function checkCount(request: CreateRequest, subnets: readonly Subnet[]): void {
  const multi = request.windows.deploymentType === "MULTI_AZ_1";
  const want = multi ? 2 : 1;
  if (subnets.length !== want) {
    throw invalidNetworkSettings(
      `${request.windows.deploymentType} file systems take exactly ${want} subnet${want > 1 ? "s" : ""}, not ${subnets.length}`,
    );
  }
  if (multi && subnets[0]?.availabilityZone === subnets[1]?.availabilityZone) {
    throw invalidNetworkSettings(
      `MULTI_AZ_1 subnets must be in two Availability Zones: both are in \`${subnets[0]?.availabilityZone}\``,
      { InvalidSubnetId: subnets[1]?.subnetId ?? "" },
    );
  }
}

function preferredSubnet(request: CreateRequest, subnets: readonly Subnet[]): Subnet {
  const wanted = request.windows.preferredSubnetId;
  if (request.windows.deploymentType !== "MULTI_AZ_1") {
    if (wanted !== undefined && wanted !== subnets[0]?.subnetId) {
      throw invalidNetworkSettings(`PreferredSubnetId \`${wanted}\` is not one of the SubnetIds`, {
        InvalidSubnetId: wanted,
      });
    }
    return subnets[0] as Subnet;
  }
  if (wanted === undefined) {
    throw invalidNetworkSettings("MULTI_AZ_1 file systems need a `PreferredSubnetId`");
  }
  const found = subnets.find((s) => s.subnetId === wanted);
  if (!found) {
    throw invalidNetworkSettings(`PreferredSubnetId \`${wanted}\` is not one of the SubnetIds`, {
      InvalidSubnetId: wanted,
    });
  }
  return found;
}

function freeAddress(ctx: ServiceContext, subnet: Subnet): string {
  const taken = [
    ...ctx.store.records
      .listWhere<MountTarget>(EFS_RECORD.mountTarget, "subnetId", subnet.subnetId)
      .map((mt) => mt.ipAddress),
    ...ctx.store.records
      .list<FsxFileSystem>(FSX_RECORD)
      .filter((fs) => fs.windows.preferredSubnetId === subnet.subnetId)
      .map((fs) => fs.windows.preferredFileServerIp),
  ];
  const picked = pickAddress(subnet.cidrBlock, taken, undefined);
  if ("problem" in picked) {
    throw invalidNetworkSettings(`subnet \`${subnet.subnetId}\` has no free IP address`, {
      InvalidSubnetId: subnet.subnetId,
    });
  }
  return picked.ok;
}

function groups(ctx: ServiceContext, vpcId: string, requested: readonly string[]): string[] {
  if (requested.length === 0) {
    const fallback = ctx.store.records
      .list<SecurityGroup>(EC2_RECORD.securityGroup)
      .find((sg) => sg.vpcId === vpcId && sg.groupName === "default");
    return fallback ? [fallback.groupId] : [];
  }
  const unique = [...new Set(requested)];
  for (const id of unique) {
    const group = findSecurityGroup(ctx, id);
    if (group?.vpcId !== vpcId) {
      throw invalidNetworkSettings(
        `The security group ID '${id}' does not exist in VPC '${vpcId}'`,
        { InvalidSecurityGroupId: id },
      );
    }
  }
  return unique;
}
