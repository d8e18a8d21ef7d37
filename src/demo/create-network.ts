/**
 * Creating the demo's VPC, subnets, security groups (all groups first, then
 * their ingress rules, so a rule may name any group declared before it) and
 * interface VPC endpoints through the EC2 service. Every resource is tagged
 * `Name` with its demo name, and each name is recorded in `ids` as its id.
 */
import type { ServiceContext } from "../services/context.js";
import type { IpPermissionInput } from "../services/ec2/rule-input.js";
import { authorizeRules } from "../services/ec2/security-group-rules.js";
import { createSecurityGroup } from "../services/ec2/security-groups.js";
import { createSubnet } from "../services/ec2/subnets.js";
import { createVpcEndpoint } from "../services/ec2/vpc-endpoints.js";
import { createVpc } from "../services/ec2/vpcs.js";
import { creating } from "./load-error.js";
import type { DemoIngress, DemoNetwork } from "./model.js";

const named = (name: string) => [{ key: "Name", value: name }];

/**
 * Creates the network; answers the VPC id and the endpoints made.
 *
 * @example
 * createNetwork(ctx, "stack.yaml", stack.network, ids).endpoints[0].id; // "vpce-…"
 */
export function createNetwork(
  ctx: ServiceContext,
  file: string,
  network: DemoNetwork,
  ids: Map<string, string>,
): { vpcId: string; endpoints: { name: string; service: string; id: string }[] } {
  const { vpc } = network;
  const vpcId = creating(file, vpc, `vpc \`${vpc.name}\``, () =>
    createVpc(ctx, { cidrBlock: vpc.cidr, tags: named(vpc.name) }),
  ).vpcId;
  ids.set(vpc.name, vpcId);
  for (const s of network.subnets) {
    const subnet = creating(file, s, `subnet \`${s.name}\``, () =>
      createSubnet(ctx, {
        vpcId,
        cidrBlock: s.cidr,
        availabilityZone: s.availabilityZone,
        tags: named(s.name),
      }),
    );
    ids.set(s.name, subnet.subnetId);
  }
  for (const g of network.securityGroups) {
    const group = creating(file, g, `security group \`${g.name}\``, () =>
      createSecurityGroup(ctx, {
        groupName: g.name,
        description: g.description,
        vpcId,
        tags: named(g.name),
      }),
    );
    ids.set(g.name, group.groupId);
  }
  for (const g of network.securityGroups) {
    for (const rule of g.ingress) {
      creating(file, rule, `an ingress rule of \`${g.name}\``, () =>
        authorizeRules(ctx, ids.get(g.name) as string, "ingress", [permission(rule, ids)]),
      );
    }
  }
  const endpoints = network.endpoints.map((e) => {
    const endpoint = creating(file, e, `vpc endpoint \`${e.name}\``, () =>
      createVpcEndpoint(ctx, {
        vpcId,
        serviceName: `com.amazonaws.${ctx.region}.${e.service}`,
        vpcEndpointType: "Interface",
        subnetIds: e.subnets.map((n) => ids.get(n) as string),
        securityGroupIds: e.securityGroups.map((n) => ids.get(n) as string),
        privateDnsEnabled: true,
        tags: named(e.name),
      }),
    );
    ids.set(e.name, endpoint.vpcEndpointId);
    return { name: e.name, service: e.service, id: endpoint.vpcEndpointId };
  });
  return { vpcId, endpoints };
}

function permission(rule: DemoIngress, ids: ReadonlyMap<string, string>): IpPermissionInput {
  return {
    ipProtocol: rule.protocol,
    fromPort: rule.port,
    toPort: rule.port,
    ipRanges: rule.fromCidr === undefined ? [] : [{ cidrIp: rule.fromCidr }],
    groups: rule.fromGroup === undefined ? [] : [{ groupId: ids.get(rule.fromGroup) as string }],
    prefixListIds: [],
  };
}
