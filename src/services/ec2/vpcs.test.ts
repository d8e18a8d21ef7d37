import { beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../store/open.js";
import type { Ec2Context } from "./context.js";
import { describeSecurityGroups } from "./security-groups.js";
import { createSubnet, describeSubnets } from "./subnets.js";
import { createVpc, describeVpcs } from "./vpcs.js";

let n = 0;
let ctx: Ec2Context;
beforeEach(() => {
  ctx = {
    store: openStore({ kind: "memory" }),
    clock: () => 0,
    random: (length) => Uint8Array.from({ length }, () => n++ % 256),
    account: "000000000000",
    region: "us-east-1",
  };
});
const code = (c: string) => expect.objectContaining({ code: c });

describe("VPCs and subnets", () => {
  it("gives a new VPC its default security group", () => {
    const vpc = createVpc(ctx, { cidrBlock: "172.16.0.0/16", tags: [] });
    const groups = describeSecurityGroups(ctx, {
      filters: [{ name: "vpc-id", values: [vpc.vpcId] }],
    });
    expect(groups.items.map((g) => g.groupName)).toEqual(["default"]);
    expect(describeVpcs(ctx, {}).items).toEqual([vpc]);
  });

  it("refuses malformed and out-of-range VPC blocks", () => {
    for (const cidr of ["10.0.0.0", "10.0.0.1/16", "300.0.0.0/16"]) {
      expect(() => createVpc(ctx, { cidrBlock: cidr, tags: [] })).toThrow(
        code("InvalidParameterValue"),
      );
    }
    for (const cidr of ["10.0.0.0/15", "10.0.0.0/29"]) {
      expect(() => createVpc(ctx, { cidrBlock: cidr, tags: [] })).toThrow(code("InvalidVpc.Range"));
    }
  });

  it("keeps subnets inside their VPC and apart from each other", () => {
    const { vpcId } = createVpc(ctx, { cidrBlock: "10.0.0.0/16", tags: [] });
    const a = createSubnet(ctx, { vpcId, cidrBlock: "10.0.0.0/20", tags: [] });
    expect(a.availabilityZone).toBe("us-east-1a");
    expect(() => createSubnet(ctx, { vpcId, cidrBlock: "10.0.8.0/24", tags: [] })).toThrow(
      code("InvalidSubnet.Conflict"),
    );
    for (const cidrBlock of ["10.1.0.0/24", "10.0.64.0/29"]) {
      expect(() => createSubnet(ctx, { vpcId, cidrBlock, tags: [] })).toThrow(
        code("InvalidSubnet.Range"),
      );
    }
    expect(() =>
      createSubnet(ctx, { vpcId: "vpc-x", cidrBlock: "10.0.16.0/24", tags: [] }),
    ).toThrow(code("InvalidVpcID.NotFound"));
    createSubnet(ctx, {
      vpcId,
      cidrBlock: "10.0.16.0/24",
      availabilityZoneId: "use1-az2",
      tags: [],
    });
    const inB = describeSubnets(ctx, {
      filters: [{ name: "availability-zone-id", values: ["use1-az2"] }],
    });
    expect(inB.items.map((s) => s.cidrBlock)).toEqual(["10.0.16.0/24"]);
  });
});
