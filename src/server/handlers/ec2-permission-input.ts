/**
 * The `IpPermissions.N` structure of AuthorizeSecurityGroupIngress/Egress
 * as the SDK flattens it (`IpPermissions.1.IpRanges.1.CidrIp`,
 * `IpPermissions.1.Groups.1.GroupId`,
 * `IpPermissions.1.PrefixListIds.1.PrefixListId`), and the older
 * single-rule form (`IpProtocol`, `FromPort`, `ToPort`, `CidrIp`).
 */
import { type QueryParams, structList } from "../../protocol/query.js";
import type { IpPermissionInput } from "../../services/ec2/rule-input.js";
import { intParam } from "./ec2-input.js";

function described<K extends string>(params: QueryParams, prefix: string, key: K, name: string) {
  return structList(params, prefix, "flat", (p) => {
    const description = params.get(`${p}.Description`);
    return {
      [key]: params.get(`${p}.${name}`) ?? "",
      ...(description !== undefined ? { description } : {}),
    } as { [P in K]: string } & { description?: string };
  });
}

/**
 * The `IpPermissions.N` list of an Authorize call.
 *
 * @example
 * ipPermissionsOf(params)[0]?.ipRanges; // [{ cidrIp: "10.0.0.0/16" }]
 */
export function ipPermissionsOf(params: QueryParams): IpPermissionInput[] {
  return structList(params, "IpPermissions", "flat", (p) => {
    const ipProtocol = params.get(`${p}.IpProtocol`);
    const fromPort = intParam(params, `${p}.FromPort`);
    const toPort = intParam(params, `${p}.ToPort`);
    return {
      ...(ipProtocol !== undefined ? { ipProtocol } : {}),
      ...(fromPort !== undefined ? { fromPort } : {}),
      ...(toPort !== undefined ? { toPort } : {}),
      ipRanges: described(params, `${p}.IpRanges`, "cidrIp", "CidrIp"),
      groups: described(params, `${p}.Groups`, "groupId", "GroupId"),
      prefixListIds: described(params, `${p}.PrefixListIds`, "prefixListId", "PrefixListId"),
    };
  });
}

/**
 * The permission of the older single-rule form (`IpProtocol`, `FromPort`,
 * `ToPort`, `CidrIp`), when the call used it.
 *
 * @example
 * legacyPermission(params); // [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, ipRanges: [{ cidrIp: "10.0.0.0/8" }], … }]
 */
export function legacyPermission(params: QueryParams): IpPermissionInput[] {
  const cidrIp = params.get("CidrIp");
  const ipProtocol = params.get("IpProtocol");
  if (cidrIp === undefined && ipProtocol === undefined) return [];
  const fromPort = intParam(params, "FromPort");
  const toPort = intParam(params, "ToPort");
  return [
    {
      ...(ipProtocol !== undefined ? { ipProtocol } : {}),
      ...(fromPort !== undefined ? { fromPort } : {}),
      ...(toPort !== undefined ? { toPort } : {}),
      ipRanges: cidrIp !== undefined ? [{ cidrIp }] : [],
      groups: [],
      prefixListIds: [],
    },
  ];
}
