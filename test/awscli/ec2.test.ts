/**
 * The Debian AWS CLI against accesslab's EC2 subset: a VPC, a subnet in a
 * named zone, two security groups, a managed prefix list, ingress rules
 * whose sources are a security group (`UserIdGroupPairs`), a prefix list
 * (`PrefixListIds`) and a CIDR, an interface endpoint for Secrets Manager,
 * the describe calls with `--filters`, EC2's error codes as the CLI prints
 * them, and a refusal for an IAM user allowed only `ec2:Describe*`.
 */
import { describe, expect, it } from "vitest";
import {
  allow,
  expectAwsError,
  NO_AWS_CLI,
  ok,
  useCliServer,
  userWithPolicy,
} from "./cli-suite.js";

describe.skipIf(NO_AWS_CLI)("aws cli: EC2", () => {
  const cli = useCliServer();
  const aws = cli.aws;

  it("builds a VPC with groups, rules, a prefix list and an endpoint, and describes them", async () => {
    const vpc = ok<{ Vpc: { VpcId: string; CidrBlock: string; State: string } }>(
      await aws(["ec2", "create-vpc", "--cidr-block", "10.30.0.0/16"]),
    ).Vpc;
    expect(vpc).toMatchObject({ CidrBlock: "10.30.0.0/16", State: "available" });
    expect(vpc.VpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
    const subnetArgs = ["--vpc-id", vpc.VpcId, "--cidr-block", "10.30.1.0/24"];
    const [subnetRun, webRun, appRun, listRun] = await Promise.all([
      aws(["ec2", "create-subnet", ...subnetArgs, "--availability-zone", "us-east-1b"]),
      aws(
        ["ec2", "create-security-group", "--group-name", "web", "--description", "web tier"].concat(
          ["--vpc-id", vpc.VpcId],
        ),
      ),
      aws(
        ["ec2", "create-security-group", "--group-name", "app", "--description", "app tier"].concat(
          ["--vpc-id", vpc.VpcId],
        ),
      ),
      aws([
        "ec2",
        "create-managed-prefix-list",
        "--prefix-list-name",
        "office",
        "--max-entries",
        "5",
        "--address-family",
        "IPv4",
        "--entries",
        "Cidr=192.0.2.0/24,Description=office",
      ]),
    ]);
    const subnet = ok<{ Subnet: Record<string, unknown> }>(subnetRun).Subnet;
    expect(subnet).toMatchObject({
      VpcId: vpc.VpcId,
      CidrBlock: "10.30.1.0/24",
      AvailabilityZone: "us-east-1b",
      AvailableIpAddressCount: 251,
    });
    const web = ok<{ GroupId: string }>(webRun).GroupId;
    const app = ok<{ GroupId: string }>(appRun).GroupId;
    const list = ok<{ PrefixList: { PrefixListId: string; State: string } }>(listRun).PrefixList;
    expect(list).toMatchObject({ State: "create-complete", MaxEntries: 5 });

    const permissions = JSON.stringify([
      { IpProtocol: "tcp", FromPort: 2049, ToPort: 2049, UserIdGroupPairs: [{ GroupId: web }] },
      {
        IpProtocol: "tcp",
        FromPort: 443,
        ToPort: 443,
        PrefixListIds: [{ PrefixListId: list.PrefixListId }],
        IpRanges: [{ CidrIp: "10.30.0.0/16", Description: "the vpc" }],
      },
    ]);
    const authorized = ok<{ Return: boolean; SecurityGroupRules: unknown[] }>(
      await aws([
        "ec2",
        "authorize-security-group-ingress",
        "--group-id",
        app,
        "--ip-permissions",
        permissions,
      ]),
    );
    expect(authorized.Return).toBe(true);
    expect(authorized.SecurityGroupRules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          FromPort: 2049,
          ReferencedGroupInfo: expect.objectContaining({ GroupId: web }),
        }),
        expect.objectContaining({ FromPort: 443, PrefixListId: list.PrefixListId }),
        expect.objectContaining({ FromPort: 443, CidrIpv4: "10.30.0.0/16" }),
      ]),
    );

    const endpoint = ok<{ VpcEndpoint: Record<string, unknown> }>(
      await aws([
        "ec2",
        "create-vpc-endpoint",
        "--vpc-id",
        vpc.VpcId,
        "--vpc-endpoint-type",
        "Interface",
        "--service-name",
        "com.amazonaws.us-east-1.secretsmanager",
        "--subnet-ids",
        String(subnet.SubnetId),
        "--security-group-ids",
        app,
      ]),
    ).VpcEndpoint;
    expect(endpoint).toMatchObject({
      VpcEndpointType: "Interface",
      ServiceName: "com.amazonaws.us-east-1.secretsmanager",
      State: "available",
      SubnetIds: [subnet.SubnetId],
      Groups: [{ GroupId: app, GroupName: "app" }],
    });
    expect(JSON.parse(String(endpoint.PolicyDocument))).toMatchObject({
      Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }],
    });

    const byVpc = `Name=vpc-id,Values=${vpc.VpcId}`;
    const [vpcs, subnets, groups, lists, endpoints] = await Promise.all([
      aws(["ec2", "describe-vpcs", "--filters", "Name=cidr-block,Values=10.30.0.0/16"]),
      aws([
        "ec2",
        "describe-subnets",
        "--filters",
        byVpc,
        "Name=availability-zone,Values=us-east-1b",
      ]),
      aws(["ec2", "describe-security-groups", "--filters", byVpc, "Name=group-name,Values=app"]),
      aws([
        "ec2",
        "describe-managed-prefix-lists",
        "--filters",
        "Name=prefix-list-name,Values=office",
      ]),
      aws([
        "ec2",
        "describe-vpc-endpoints",
        "--filters",
        byVpc,
        "Name=vpc-endpoint-type,Values=Interface",
      ]),
    ]);
    expect(ok(vpcs)).toMatchObject({ Vpcs: [{ VpcId: vpc.VpcId }] });
    expect(ok(subnets)).toMatchObject({ Subnets: [{ SubnetId: subnet.SubnetId }] });
    const group = ok<{ SecurityGroups: Record<string, unknown>[] }>(groups).SecurityGroups;
    expect(group).toHaveLength(1);
    expect(group[0]).toMatchObject({ GroupId: app, GroupName: "app", VpcId: vpc.VpcId });
    expect(group[0]?.IpPermissions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          FromPort: 2049,
          UserIdGroupPairs: [expect.objectContaining({ GroupId: web })],
        }),
        expect.objectContaining({
          FromPort: 443,
          PrefixListIds: [{ PrefixListId: list.PrefixListId }],
          IpRanges: [{ CidrIp: "10.30.0.0/16", Description: "the vpc" }],
        }),
      ]),
    );
    expect(ok(lists)).toMatchObject({ PrefixLists: [{ PrefixListId: list.PrefixListId }] });
    expect(ok(endpoints)).toMatchObject({
      VpcEndpoints: [{ VpcEndpointId: endpoint.VpcEndpointId }],
    });
  });

  it("prints EC2's error codes and refuses a user allowed only to describe", async () => {
    const [missingVpc, missingGroup] = await Promise.all([
      aws(["ec2", "describe-vpcs", "--vpc-ids", "vpc-00000000000000000"]),
      aws(
        ["ec2", "authorize-security-group-ingress", "--group-id", "sg-00000000000000000"].concat([
          "--protocol",
          "tcp",
          "--port",
          "22",
          "--cidr",
          "0.0.0.0/0",
        ]),
      ),
    ]);
    expect(expectAwsError(missingVpc, "InvalidVpcID.NotFound", "DescribeVpcs")).toBe(
      "The vpc ID 'vpc-00000000000000000' does not exist",
    );
    expect(
      expectAwsError(missingGroup, "InvalidGroup.NotFound", "AuthorizeSecurityGroupIngress"),
    ).toContain("sg-00000000000000000");

    const viewer = await userWithPolicy(cli, "ec2-viewer", allow("ec2:Describe*"));
    const [seen, refused] = await Promise.all([
      aws(["ec2", "describe-vpcs"], viewer),
      aws(["ec2", "create-vpc", "--cidr-block", "10.31.0.0/16"], viewer),
    ]);
    expect(ok<{ Vpcs: unknown[] }>(seen).Vpcs.length).toBeGreaterThan(0);
    const message = expectAwsError(refused, "UnauthorizedOperation", "CreateVpc");
    expect(message).toContain(
      "User: arn:aws:iam::000000000000:user/ec2-viewer is not authorized to perform: ec2:CreateVpc",
    );
  });
});
