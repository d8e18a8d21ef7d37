import { describe, expect, it } from "vitest";
import type { SecurityGroupRule } from "../../services/ec2/model.js";
import { ipPermissions } from "./ec2-group-shapes.js";

const rule = (
  id: string,
  protocol: string,
  port: number,
  peer: SecurityGroupRule["peer"],
): SecurityGroupRule => ({
  ruleId: id,
  ipProtocol: protocol,
  fromPort: port,
  toPort: port,
  peer,
});

describe("ipPermissions", () => {
  it("groups rules by protocol and port range, one list per peer kind", () => {
    const shaped = ipPermissions(
      [
        rule("a", "tcp", 443, { kind: "cidr", cidr: "10.0.0.0/16" }),
        rule("b", "tcp", 443, { kind: "security-group", groupId: "sg-1" }),
        rule("c", "tcp", 2049, { kind: "prefix-list", prefixListId: "pl-1" }),
        rule("d", "-1", -1, { kind: "cidr", cidr: "0.0.0.0/0" }),
      ],
      "000000000000",
    );
    expect(shaped).toEqual([
      {
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        groups: [{ userId: "000000000000", groupId: "sg-1", description: undefined }],
        ipRanges: [{ cidrIp: "10.0.0.0/16", description: undefined }],
        prefixListIds: [],
      },
      {
        ipProtocol: "tcp",
        fromPort: 2049,
        toPort: 2049,
        groups: [],
        ipRanges: [],
        prefixListIds: [{ prefixListId: "pl-1", description: undefined }],
      },
      {
        ipProtocol: "-1",
        groups: [],
        ipRanges: [{ cidrIp: "0.0.0.0/0", description: undefined }],
        prefixListIds: [],
      },
    ]);
  });
});
