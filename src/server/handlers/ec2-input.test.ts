import { describe, expect, it } from "vitest";
import { parseForm } from "../../protocol/query.js";
import {
  boolParam,
  filtersOf,
  idList,
  intParam,
  need,
  pageOf,
  prefixEntriesOf,
  tagsFor,
} from "./ec2-input.js";
import { ipPermissionsOf, legacyPermission } from "./ec2-permission-input.js";

const form = (text: string) => parseForm(text);
const code = (c: string) => expect.objectContaining({ code: c });

describe("EC2 query input", () => {
  it("reads filters, id lists and paging", () => {
    const params = form(
      "Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-a&Filter.1.Value.2=vpc-b&Filter.2.Name=tag%3Ateam&Filter.2.Value.1=x" +
        "&SubnetId.2=subnet-b&SubnetId.1=subnet-a&MaxResults=5&NextToken=t",
    );
    expect(filtersOf(params)).toEqual([
      { name: "vpc-id", values: ["vpc-a", "vpc-b"] },
      { name: "tag:team", values: ["x"] },
    ]);
    expect(idList(params, "SubnetId")).toEqual(["subnet-a", "subnet-b"]);
    expect(pageOf(params)).toEqual({ maxResults: 5, nextToken: "t" });
  });

  it("takes the tags of the matching resource type only", () => {
    const params = form(
      "TagSpecification.1.ResourceType=subnet&TagSpecification.1.Tag.1.Key=a&TagSpecification.1.Tag.1.Value=1" +
        "&TagSpecification.2.ResourceType=vpc&TagSpecification.2.Tag.1.Key=Name&TagSpecification.2.Tag.1.Value=main",
    );
    expect(tagsFor(params, "vpc")).toEqual([{ key: "Name", value: "main" }]);
    expect(tagsFor(params, "security-group")).toEqual([]);
  });

  it("reads IpPermissions with all three peer kinds", () => {
    const params = form(
      "IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=2049&IpPermissions.1.ToPort=2049" +
        "&IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0%2F16&IpPermissions.1.IpRanges.1.Description=vpc" +
        "&IpPermissions.1.Groups.1.GroupId=sg-1&IpPermissions.1.PrefixListIds.1.PrefixListId=pl-1",
    );
    expect(ipPermissionsOf(params)).toEqual([
      {
        ipProtocol: "tcp",
        fromPort: 2049,
        toPort: 2049,
        ipRanges: [{ cidrIp: "10.0.0.0/16", description: "vpc" }],
        groups: [{ groupId: "sg-1" }],
        prefixListIds: [{ prefixListId: "pl-1" }],
      },
    ]);
    expect(legacyPermission(params)).toEqual([]);
    expect(
      legacyPermission(form("IpProtocol=tcp&FromPort=22&ToPort=22&CidrIp=1.2.3.4%2F32")),
    ).toEqual([
      {
        ipProtocol: "tcp",
        fromPort: 22,
        toPort: 22,
        ipRanges: [{ cidrIp: "1.2.3.4/32" }],
        groups: [],
        prefixListIds: [],
      },
    ]);
  });

  it("reads prefix list entries", () => {
    expect(
      prefixEntriesOf(
        form("Entry.1.Cidr=10.0.0.0%2F8&Entry.1.Description=a&Entry.2.Cidr=1.0.0.0%2F8"),
      ),
    ).toEqual([{ cidr: "10.0.0.0/8", description: "a" }, { cidr: "1.0.0.0/8" }]);
  });

  it("refuses missing and malformed values with EC2's codes", () => {
    expect(() => need(form(""), "VpcId")).toThrow(code("MissingParameter"));
    expect(() => intParam(form("MaxResults=five"), "MaxResults")).toThrow(
      code("InvalidParameterValue"),
    );
    expect(() => boolParam(form("DryRun=yes"), "DryRun")).toThrow(code("InvalidParameterValue"));
    expect(() => ipPermissionsOf(form("IpPermissions.1.FromPort=1.5"))).toThrow(
      code("InvalidParameterValue"),
    );
    expect(boolParam(form("DryRun=false"), "DryRun")).toBe(false);
  });
});
