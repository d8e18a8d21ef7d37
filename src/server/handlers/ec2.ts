/**
 * The EC2 networking operations over the EC2 query protocol: each entry
 * reads its `Name.N` parameters into the service's input, calls
 * `src/services/ec2`, and shapes the answer as the EC2 API's lowerCamel
 * members. `DryRun=true` answers 412 `DryRunOperation` once the call is
 * authorized, as EC2 does.
 */
import { ProtocolError } from "../../protocol/errors.js";
import type { ServiceContext } from "../../services/context.js";
import { missingParameter } from "../../services/ec2/errors.js";
import { findSecurityGroup } from "../../services/ec2/lookup.js";
import {
  createPrefixList,
  describePrefixLists,
  prefixListEntries,
} from "../../services/ec2/prefix-lists.js";
import {
  authorizeRules,
  type Direction,
  describeSecurityGroupRules,
} from "../../services/ec2/security-group-rules.js";
import {
  createSecurityGroup,
  describeSecurityGroups,
  groupIdByName,
} from "../../services/ec2/security-groups.js";
import { createSubnet, describeSubnets } from "../../services/ec2/subnets.js";
import { createVpcEndpoint, describeVpcEndpoints } from "../../services/ec2/vpc-endpoints.js";
import { createVpc, describeVpcs } from "../../services/ec2/vpcs.js";
import { securityGroupRuleShape, securityGroupShape } from "./ec2-group-shapes.js";
import {
  boolParam,
  filtersOf,
  idList,
  need,
  needInt,
  pageOf,
  prefixEntriesOf,
  tagsFor,
} from "./ec2-input.js";
import { ipPermissionsOf, legacyPermission } from "./ec2-permission-input.js";
import { prefixListShape, subnetShape, tagSet, vpcEndpointShape, vpcShape } from "./ec2-shapes.js";
import type { QueryCall, QueryHandler, QueryTable } from "./handler.js";

const optional = (value: string | undefined, key: string) =>
  value === undefined ? {} : { [key]: value };

function describeRequest(call: QueryCall, idName: string) {
  return {
    ids: idList(call.params, idName),
    filters: filtersOf(call.params),
    ...pageOf(call.params),
  };
}

function authorize(direction: Direction): QueryHandler {
  return (ctx, { params }) => {
    const groupName = params.get("GroupName");
    const groupId =
      params.get("GroupId") === undefined && groupName !== undefined
        ? groupIdByName(ctx, groupName)
        : need(params, "GroupId");
    const permissions = [...ipPermissionsOf(params), ...legacyPermission(params)];
    if (permissions.length === 0) throw missingParameter("IpPermissions");
    const added = authorizeRules(ctx, groupId, direction, permissions);
    return { return: true, securityGroupRuleSet: added.map((r) => securityGroupRuleShape(ctx, r)) };
  };
}

function withDryRun(handler: QueryHandler): QueryHandler {
  return (ctx: ServiceContext, call: QueryCall) => {
    if (boolParam(call.params, "DryRun") === true) {
      throw new ProtocolError(
        "DryRunOperation",
        412,
        "Request would have succeeded, but DryRun flag is set.",
      );
    }
    return handler(ctx, call);
  };
}

const HANDLERS: QueryTable = {
  CreateVpc: (ctx, { params }) => ({
    vpc: vpcShape(
      createVpc(ctx, { cidrBlock: need(params, "CidrBlock"), tags: tagsFor(params, "vpc") }),
    ),
  }),
  DescribeVpcs: (ctx, call) => {
    const page = describeVpcs(ctx, describeRequest(call, "VpcId"));
    return { vpcSet: page.items.map(vpcShape), nextToken: page.nextToken };
  },
  CreateSubnet: (ctx, { params }) => {
    const subnet = createSubnet(ctx, {
      vpcId: need(params, "VpcId"),
      cidrBlock: need(params, "CidrBlock"),
      ...optional(params.get("AvailabilityZone"), "availabilityZone"),
      ...optional(params.get("AvailabilityZoneId"), "availabilityZoneId"),
      tags: tagsFor(params, "subnet"),
    });
    return { subnet: subnetShape(ctx, subnet) };
  },
  DescribeSubnets: (ctx, call) => {
    const page = describeSubnets(ctx, describeRequest(call, "SubnetId"));
    return { subnetSet: page.items.map((s) => subnetShape(ctx, s)), nextToken: page.nextToken };
  },
  CreateSecurityGroup: (ctx, { params }) => {
    const group = createSecurityGroup(ctx, {
      groupName: need(params, "GroupName"),
      description: need(params, "GroupDescription"),
      ...optional(params.get("VpcId"), "vpcId"),
      tags: tagsFor(params, "security-group"),
    });
    const shape = securityGroupShape(ctx, group);
    return {
      groupId: shape.groupId,
      tagSet: tagSet(group.tags),
      securityGroupArn: shape.securityGroupArn,
    };
  },
  DescribeSecurityGroups: (ctx, call) => {
    const page = describeSecurityGroups(ctx, {
      ...describeRequest(call, "GroupId"),
      groupNames: idList(call.params, "GroupName"),
    });
    return {
      securityGroupInfo: page.items.map((g) => securityGroupShape(ctx, g)),
      nextToken: page.nextToken,
    };
  },
  AuthorizeSecurityGroupIngress: authorize("ingress"),
  AuthorizeSecurityGroupEgress: authorize("egress"),
  DescribeSecurityGroupRules: (ctx, { params }) => {
    const page = describeSecurityGroupRules(ctx, {
      ruleIds: idList(params, "SecurityGroupRuleId"),
      filters: filtersOf(params),
      ...pageOf(params),
    });
    return {
      securityGroupRuleSet: page.items.map((r) => securityGroupRuleShape(ctx, r)),
      nextToken: page.nextToken,
    };
  },
  CreateManagedPrefixList: (ctx, { params }) => {
    const list = createPrefixList(ctx, {
      prefixListName: need(params, "PrefixListName"),
      maxEntries: needInt(params, "MaxEntries"),
      addressFamily: need(params, "AddressFamily"),
      entries: prefixEntriesOf(params),
      tags: tagsFor(params, "prefix-list"),
    });
    return { prefixList: prefixListShape(ctx, list) };
  },
  DescribeManagedPrefixLists: (ctx, call) => {
    const page = describePrefixLists(ctx, describeRequest(call, "PrefixListId"));
    return {
      prefixListSet: page.items.map((l) => prefixListShape(ctx, l)),
      nextToken: page.nextToken,
    };
  },
  GetManagedPrefixListEntries: (ctx, { params }) => {
    const page = prefixListEntries(ctx, need(params, "PrefixListId"), pageOf(params));
    return { entrySet: page.items, nextToken: page.nextToken };
  },
  CreateVpcEndpoint: (ctx, { params }) => {
    const privateDnsEnabled = boolParam(params, "PrivateDnsEnabled");
    const endpoint = createVpcEndpoint(ctx, {
      vpcId: need(params, "VpcId"),
      serviceName: need(params, "ServiceName"),
      ...optional(params.get("VpcEndpointType"), "vpcEndpointType"),
      ...optional(params.get("PolicyDocument"), "policyDocument"),
      subnetIds: idList(params, "SubnetId"),
      securityGroupIds: idList(params, "SecurityGroupId"),
      ...(privateDnsEnabled !== undefined ? { privateDnsEnabled } : {}),
      tags: tagsFor(params, "vpc-endpoint"),
    });
    return {
      vpcEndpoint: vpcEndpointShape(endpoint, (id) => findSecurityGroup(ctx, id)?.groupName),
    };
  },
  DescribeVpcEndpoints: (ctx, call) => {
    const page = describeVpcEndpoints(ctx, describeRequest(call, "VpcEndpointId"));
    const name = (id: string) => findSecurityGroup(ctx, id)?.groupName;
    return {
      vpcEndpointSet: page.items.map((e) => vpcEndpointShape(e, name)),
      nextToken: page.nextToken,
    };
  },
};

/**
 * EC2's handlers by operation name.
 *
 * @example
 * EC2_HANDLERS.DescribeVpcs?.(ctx, { params, caller }); // { vpcSet: [...] }
 */
export const EC2_HANDLERS: QueryTable = Object.fromEntries(
  Object.entries(HANDLERS).map(([name, handler]) => [name, withDryRun(handler)]),
);
