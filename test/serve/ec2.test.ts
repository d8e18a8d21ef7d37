/**
 * EC2 networking through the server with the real `@aws-sdk/client-ec2`:
 * VPCs, subnets in zones, security groups with CIDR, group and prefix-list
 * rules (and the default egress rule), managed prefix lists, interface VPC
 * endpoints with policies, every Describe with its filters and the SDK's
 * paginators, EC2's error codes as `EC2ServiceException`s, and the 403
 * `UnauthorizedOperation` refusal for a user without permission.
 */
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateManagedPrefixListCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  DescribeManagedPrefixListsCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  EC2Client,
  EC2ServiceException,
  GetManagedPrefixListEntriesCommand,
  paginateDescribeSubnets,
  paginateGetManagedPrefixListEntries,
} from "@aws-sdk/client-ec2";
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
let ec2: EC2Client;
let vpcId: string;

beforeAll(async () => {
  server = await startTestServer();
  ec2 = new EC2Client(server.config());
  const { Vpc } = await ec2.send(
    new CreateVpcCommand({
      CidrBlock: "10.0.0.0/16",
      TagSpecifications: [{ ResourceType: "vpc", Tags: [{ Key: "Name", Value: "main" }] }],
    }),
  );
  vpcId = Vpc?.VpcId ?? "";
});
afterAll(() => server.close());

async function refusal(promise: Promise<unknown>, code: string, status = 400) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EC2ServiceException);
  const failure = error as EC2ServiceException;
  expect(failure.name).toBe(code);
  expect(failure.$metadata.httpStatusCode).toBe(status);
  return failure;
}

async function group(name: string): Promise<string> {
  const out = await ec2.send(
    new CreateSecurityGroupCommand({ GroupName: name, Description: `${name} group`, VpcId: vpcId }),
  );
  return out.GroupId ?? "";
}

describe("serve: EC2 VPCs and subnets", () => {
  it("creates and describes a VPC with its tags", async () => {
    expect(vpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
    const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }));
    expect(Vpcs).toHaveLength(1);
    expect(Vpcs?.[0]).toMatchObject({
      VpcId: vpcId,
      CidrBlock: "10.0.0.0/16",
      State: "available",
      IsDefault: false,
      OwnerId: "000000000000",
      Tags: [{ Key: "Name", Value: "main" }],
    });
    const tagged = await ec2.send(
      new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: ["main"] }] }),
    );
    expect(tagged.Vpcs?.map((v) => v.VpcId)).toEqual([vpcId]);
    const none = await ec2.send(
      new DescribeVpcsCommand({ Filters: [{ Name: "vpc-id", Values: ["vpc-nothing"] }] }),
    );
    expect(none.Vpcs ?? []).toEqual([]);
  });

  it("refuses bad CIDR blocks and unknown ids with EC2's codes", async () => {
    await refusal(
      ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/33" })),
      "InvalidParameterValue",
    );
    await refusal(ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/8" })), "InvalidVpc.Range");
    await refusal(ec2.send(new CreateVpcCommand({})), "MissingParameter");
    const missing = await refusal(
      ec2.send(new DescribeVpcsCommand({ VpcIds: ["vpc-00000000000000000"] })),
      "InvalidVpcID.NotFound",
    );
    expect(missing.message).toBe("The vpc ID 'vpc-00000000000000000' does not exist");
    await refusal(
      ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "colour", Values: ["red"] }] })),
      "InvalidParameterValue",
    );
  });

  it("places subnets in zones by name or id, inside the VPC and without overlap", async () => {
    const a = await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.1.0/24" }));
    expect(a.Subnet).toMatchObject({
      VpcId: vpcId,
      CidrBlock: "10.0.1.0/24",
      AvailabilityZone: "us-east-1a",
      AvailabilityZoneId: "use1-az1",
      AvailableIpAddressCount: 251,
      State: "available",
    });
    expect(a.Subnet?.SubnetId).toMatch(/^subnet-[0-9a-f]{17}$/);
    const b = await ec2.send(
      new CreateSubnetCommand({
        VpcId: vpcId,
        CidrBlock: "10.0.2.0/24",
        AvailabilityZoneId: "use1-az2",
      }),
    );
    expect(b.Subnet?.AvailabilityZone).toBe("us-east-1b");
    const c = await ec2.send(
      new CreateSubnetCommand({
        VpcId: vpcId,
        CidrBlock: "10.0.3.0/24",
        AvailabilityZone: "us-east-1c",
      }),
    );
    expect(c.Subnet?.AvailabilityZoneId).toBe("use1-az3");

    await refusal(
      ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.1.0.0/24" })),
      "InvalidSubnet.Range",
    );
    await refusal(
      ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.1.128/25" })),
      "InvalidSubnet.Conflict",
    );
    await refusal(
      ec2.send(
        new CreateSubnetCommand({ VpcId: "vpc-00000000000000000", CidrBlock: "10.0.9.0/24" }),
      ),
      "InvalidVpcID.NotFound",
    );
    await refusal(
      ec2.send(
        new CreateSubnetCommand({
          VpcId: vpcId,
          CidrBlock: "10.0.9.0/24",
          AvailabilityZone: "mars-1a",
        }),
      ),
      "InvalidParameterValue",
    );

    const inB = await ec2.send(
      new DescribeSubnetsCommand({
        Filters: [{ Name: "availability-zone", Values: ["us-east-1b"] }],
      }),
    );
    expect(inB.Subnets?.map((s) => s.SubnetId)).toEqual([b.Subnet?.SubnetId]);
    const byId = await ec2.send(
      new DescribeSubnetsCommand({
        SubnetIds: [a.Subnet?.SubnetId ?? ""],
        Filters: [{ Name: "vpc-id", Values: [vpcId] }],
      }),
    );
    expect(byId.Subnets?.map((s) => s.CidrBlock)).toEqual(["10.0.1.0/24"]);
    await refusal(
      ec2.send(new DescribeSubnetsCommand({ SubnetIds: ["subnet-00000000000000000"] })),
      "InvalidSubnetID.NotFound",
    );

    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeSubnets(
      { client: ec2, pageSize: 5 },
      { Filters: [{ Name: "vpc-id", Values: [vpcId] }] },
    )) {
      pages += 1;
      for (const subnet of page.Subnets ?? []) seen.push(subnet.CidrBlock ?? "");
    }
    expect(pages).toBe(1);
    expect(seen.sort()).toEqual(["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]);
  });
});

describe("serve: EC2 security groups", () => {
  it("creates a group with the default egress rule and refuses a duplicate name", async () => {
    const groupId = await group("app");
    expect(groupId).toMatch(/^sg-[0-9a-f]{17}$/);
    const { SecurityGroups } = await ec2.send(
      new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }),
    );
    expect(SecurityGroups?.[0]).toMatchObject({
      GroupId: groupId,
      GroupName: "app",
      Description: "app group",
      VpcId: vpcId,
      IpPermissions: [],
      IpPermissionsEgress: [
        {
          IpProtocol: "-1",
          IpRanges: [{ CidrIp: "0.0.0.0/0" }],
          UserIdGroupPairs: [],
          PrefixListIds: [],
        },
      ],
    });
    const duplicate = await refusal(
      ec2.send(
        new CreateSecurityGroupCommand({ GroupName: "app", Description: "again", VpcId: vpcId }),
      ),
      "InvalidGroup.Duplicate",
    );
    expect(duplicate.message).toBe(`The security group 'app' already exists for VPC '${vpcId}'`);
    await refusal(
      ec2.send(
        new CreateSecurityGroupCommand({
          GroupName: "x",
          Description: "x",
          VpcId: "vpc-00000000000000000",
        }),
      ),
      "InvalidVpcID.NotFound",
    );
    await refusal(
      ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: ["sg-00000000000000000"] })),
      "InvalidGroup.NotFound",
    );
  });

  it("lists the VPC's default group and filters by name, id and VPC", async () => {
    const inVpc = await ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] }),
    );
    const names = inVpc.SecurityGroups?.map((g) => g.GroupName) ?? [];
    expect(names).toContain("default");
    expect(names).toContain("app");
    const named = await ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["default"] }] }),
    );
    const byDefault = named.SecurityGroups?.[0];
    expect(byDefault?.IpPermissions?.[0]?.UserIdGroupPairs?.[0]?.GroupId).toBe(byDefault?.GroupId);
    const byId = await ec2.send(
      new DescribeSecurityGroupsCommand({
        Filters: [{ Name: "group-id", Values: [byDefault?.GroupId ?? ""] }],
      }),
    );
    expect(byId.SecurityGroups).toHaveLength(1);
  });

  it("authorizes CIDR, security group and prefix list rules and refuses duplicates", async () => {
    const efs = await group("efs");
    const client = await group("client");
    const { PrefixList } = await ec2.send(
      new CreateManagedPrefixListCommand({
        PrefixListName: "office",
        MaxEntries: 5,
        AddressFamily: "IPv4",
        Entries: [{ Cidr: "203.0.113.0/24", Description: "hq" }],
      }),
    );
    const prefixListId = PrefixList?.PrefixListId ?? "";
    const added = await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: efs,
        IpPermissions: [
          {
            IpProtocol: "tcp",
            FromPort: 2049,
            ToPort: 2049,
            IpRanges: [{ CidrIp: "10.0.1.0/24", Description: "subnet a" }],
            UserIdGroupPairs: [{ GroupId: client }],
            PrefixListIds: [{ PrefixListId: prefixListId }],
          },
        ],
      }),
    );
    expect(added.Return).toBe(true);
    expect(added.SecurityGroupRules).toHaveLength(3);
    expect(added.SecurityGroupRules?.[0]).toMatchObject({
      GroupId: efs,
      IsEgress: false,
      IpProtocol: "tcp",
      FromPort: 2049,
      ToPort: 2049,
      CidrIpv4: "10.0.1.0/24",
      Description: "subnet a",
    });
    expect(added.SecurityGroupRules?.[1]?.ReferencedGroupInfo?.GroupId).toBe(client);
    expect(added.SecurityGroupRules?.[2]?.PrefixListId).toBe(prefixListId);

    const { SecurityGroups } = await ec2.send(
      new DescribeSecurityGroupsCommand({ GroupIds: [efs] }),
    );
    expect(SecurityGroups?.[0]?.IpPermissions).toEqual([
      {
        IpProtocol: "tcp",
        FromPort: 2049,
        ToPort: 2049,
        UserIdGroupPairs: [{ UserId: "000000000000", GroupId: client }],
        IpRanges: [{ CidrIp: "10.0.1.0/24", Description: "subnet a" }],
        PrefixListIds: [{ PrefixListId: prefixListId }],
      },
    ]);

    const duplicate = await refusal(
      ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: efs,
          IpPermissions: [
            {
              IpProtocol: "tcp",
              FromPort: 2049,
              ToPort: 2049,
              IpRanges: [{ CidrIp: "10.0.1.0/24" }],
            },
          ],
        }),
      ),
      "InvalidPermission.Duplicate",
    );
    expect(duplicate.message).toContain(
      "peer: 10.0.1.0/24, TCP, from port: 2049, to port: 2049, ALLOW",
    );
    await refusal(
      ec2.send(
        new AuthorizeSecurityGroupEgressCommand({
          GroupId: client,
          IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
        }),
      ),
      "InvalidPermission.Duplicate",
    );
    const egress = await ec2.send(
      new AuthorizeSecurityGroupEgressCommand({
        GroupId: client,
        IpPermissions: [
          { IpProtocol: "tcp", FromPort: 2049, ToPort: 2049, UserIdGroupPairs: [{ GroupId: efs }] },
        ],
      }),
    );
    expect(egress.SecurityGroupRules?.[0]?.IsEgress).toBe(true);

    await refusal(
      ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: efs,
          IpPermissions: [
            {
              IpProtocol: "tcp",
              FromPort: 22,
              ToPort: 22,
              UserIdGroupPairs: [{ GroupId: "sg-00000000000000000" }],
            },
          ],
        }),
      ),
      "InvalidGroup.NotFound",
    );
    await refusal(
      ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: efs,
          IpPermissions: [
            {
              IpProtocol: "tcp",
              FromPort: 22,
              ToPort: 22,
              PrefixListIds: [{ PrefixListId: "pl-00000000000000000" }],
            },
          ],
        }),
      ),
      "InvalidPrefixListID.NotFound",
    );
    await refusal(
      ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: efs,
          IpPermissions: [
            { IpProtocol: "tcp", FromPort: 90, ToPort: 80, IpRanges: [{ CidrIp: "10.0.0.0/16" }] },
          ],
        }),
      ),
      "InvalidParameterValue",
    );
    await refusal(
      ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: efs,
          IpPermissions: [
            { IpProtocol: "tcp", FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: "10.0.0.0/99" }] },
          ],
        }),
      ),
      "InvalidParameterValue",
    );

    const rules = await ec2.send(
      new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "group-id", Values: [efs] }] }),
    );
    expect(rules.SecurityGroupRules?.map((r) => r.IsEgress).sort()).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });
});

describe("serve: EC2 managed prefix lists", () => {
  it("creates, describes and pages entries", async () => {
    const entries = Array.from({ length: 7 }, (_, i) => ({ Cidr: `198.51.100.${i * 8}/29` }));
    const { PrefixList } = await ec2.send(
      new CreateManagedPrefixListCommand({
        PrefixListName: "partners",
        MaxEntries: 10,
        AddressFamily: "IPv4",
        Entries: entries,
        TagSpecifications: [{ ResourceType: "prefix-list", Tags: [{ Key: "team", Value: "net" }] }],
      }),
    );
    expect(PrefixList).toMatchObject({
      PrefixListName: "partners",
      MaxEntries: 10,
      AddressFamily: "IPv4",
      State: "create-complete",
      Version: 1,
      Tags: [{ Key: "team", Value: "net" }],
    });
    const id = PrefixList?.PrefixListId ?? "";
    expect(id).toMatch(/^pl-[0-9a-f]{17}$/);
    expect(PrefixList?.PrefixListArn).toBe(`arn:aws:ec2:us-east-1:000000000000:prefix-list/${id}`);

    const listed = await ec2.send(
      new DescribeManagedPrefixListsCommand({
        Filters: [{ Name: "prefix-list-name", Values: ["partners"] }],
      }),
    );
    expect(listed.PrefixLists?.map((l) => l.PrefixListId)).toEqual([id]);
    const byId = await ec2.send(new DescribeManagedPrefixListsCommand({ PrefixListIds: [id] }));
    expect(byId.PrefixLists).toHaveLength(1);

    const cidrs: string[] = [];
    let pages = 0;
    for await (const page of paginateGetManagedPrefixListEntries(
      { client: ec2, pageSize: 3 },
      { PrefixListId: id },
    )) {
      pages += 1;
      for (const entry of page.Entries ?? []) cidrs.push(entry.Cidr ?? "");
    }
    expect(pages).toBe(3);
    expect(cidrs).toEqual(entries.map((e) => e.Cidr));

    await refusal(
      ec2.send(new GetManagedPrefixListEntriesCommand({ PrefixListId: "pl-00000000000000000" })),
      "InvalidPrefixListID.NotFound",
    );
    await refusal(
      ec2.send(
        new CreateManagedPrefixListCommand({
          PrefixListName: "small",
          MaxEntries: 1,
          AddressFamily: "IPv4",
          Entries: [{ Cidr: "10.0.0.0/24" }, { Cidr: "10.0.1.0/24" }],
        }),
      ),
      "InvalidParameterValue",
    );
    await refusal(
      ec2.send(
        new CreateManagedPrefixListCommand({
          PrefixListName: "bad",
          MaxEntries: 2,
          AddressFamily: "IPv4",
          Entries: [{ Cidr: "not-a-cidr" }],
        }),
      ),
      "InvalidParameterValue",
    );
  });
});

describe("serve: EC2 VPC endpoints", () => {
  it("creates an interface endpoint with a validated policy and describes it", async () => {
    const { Subnets } = await ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] }),
    );
    const subnetIds = (Subnets ?? []).map((s) => s.SubnetId ?? "").slice(0, 2);
    const endpointGroup = await group("endpoint");
    const policy = JSON.stringify({
      Statement: [
        { Effect: "Allow", Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*" },
      ],
    });
    const { VpcEndpoint } = await ec2.send(
      new CreateVpcEndpointCommand({
        VpcId: vpcId,
        VpcEndpointType: "Interface",
        ServiceName: "com.amazonaws.us-east-1.secretsmanager",
        SubnetIds: subnetIds,
        SecurityGroupIds: [endpointGroup],
        PolicyDocument: policy,
        PrivateDnsEnabled: true,
      }),
    );
    expect(VpcEndpoint).toMatchObject({
      VpcEndpointType: "Interface",
      VpcId: vpcId,
      ServiceName: "com.amazonaws.us-east-1.secretsmanager",
      State: "available",
      PolicyDocument: policy,
      SubnetIds: subnetIds,
      Groups: [{ GroupId: endpointGroup, GroupName: "endpoint" }],
      PrivateDnsEnabled: true,
    });
    expect(VpcEndpoint?.VpcEndpointId).toMatch(/^vpce-[0-9a-f]{17}$/);
    expect(VpcEndpoint?.CreationTimestamp).toBeInstanceOf(Date);

    const plain = await ec2.send(
      new CreateVpcEndpointCommand({
        VpcId: vpcId,
        VpcEndpointType: "Interface",
        ServiceName: "com.amazonaws.us-east-1.elasticfilesystem",
        SubnetIds: subnetIds.slice(0, 1),
      }),
    );
    expect(JSON.parse(plain.VpcEndpoint?.PolicyDocument ?? "{}")).toEqual({
      Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }],
    });
    expect(plain.VpcEndpoint?.Groups?.[0]?.GroupName).toBe("default");

    const byService = await ec2.send(
      new DescribeVpcEndpointsCommand({
        Filters: [{ Name: "service-name", Values: ["com.amazonaws.us-east-1.secretsmanager"] }],
      }),
    );
    expect(byService.VpcEndpoints?.map((e) => e.VpcEndpointId)).toEqual([
      VpcEndpoint?.VpcEndpointId,
    ]);
    const byId = await ec2.send(
      new DescribeVpcEndpointsCommand({ VpcEndpointIds: [plain.VpcEndpoint?.VpcEndpointId ?? ""] }),
    );
    expect(byId.VpcEndpoints?.[0]?.ServiceName).toBe("com.amazonaws.us-east-1.elasticfilesystem");
  });

  it("refuses a policy without a principal, foreign services and misplaced subnets", async () => {
    const { Subnets } = await ec2.send(
      new DescribeSubnetsCommand({
        Filters: [{ Name: "availability-zone", Values: ["us-east-1a"] }],
      }),
    );
    const subnetId = Subnets?.[0]?.SubnetId ?? "";
    const base = {
      VpcId: vpcId,
      VpcEndpointType: "Interface" as const,
      ServiceName: "com.amazonaws.us-east-1.secretsmanager",
      SubnetIds: [subnetId],
    };
    const noPrincipal = JSON.stringify({
      Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
    });
    await refusal(
      ec2.send(new CreateVpcEndpointCommand({ ...base, PolicyDocument: noPrincipal })),
      "InvalidParameterValue",
    );
    await refusal(
      ec2.send(new CreateVpcEndpointCommand({ ...base, PolicyDocument: "{not json" })),
      "InvalidParameterValue",
    );
    await refusal(
      ec2.send(
        new CreateVpcEndpointCommand({
          ...base,
          ServiceName: "com.amazonaws.eu-west-1.secretsmanager",
        }),
      ),
      "InvalidServiceName",
    );
    await refusal(
      ec2.send(new CreateVpcEndpointCommand({ ...base, SubnetIds: ["subnet-00000000000000000"] })),
      "InvalidSubnetID.NotFound",
    );
    await refusal(
      ec2.send(
        new CreateVpcEndpointCommand({ ...base, SecurityGroupIds: ["sg-00000000000000000"] }),
      ),
      "InvalidGroup.NotFound",
    );
    await refusal(
      ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: ["vpce-00000000000000000"] })),
      "InvalidVpcEndpointId.NotFound",
    );
  });
});

describe("serve: EC2 authorization", () => {
  it("refuses a user without permission with UnauthorizedOperation, then allows it", async () => {
    const iam = server.iam();
    await iam.send(new CreateUserCommand({ UserName: "netops" }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: "netops" }));
    const netops = new EC2Client(
      server.config({
        accessKeyId: AccessKey?.AccessKeyId ?? "",
        secretAccessKey: AccessKey?.SecretAccessKey ?? "",
      }),
    );
    const failure = await refusal(
      netops.send(new DescribeVpcsCommand({})),
      "UnauthorizedOperation",
      403,
    );
    expect(failure.message).toBe(
      "You are not authorized to perform this operation. User: arn:aws:iam::000000000000:user/netops is not authorized to perform: ec2:DescribeVpcs because no identity-based policy allows the ec2:DescribeVpcs action",
    );
    await iam.send(
      new PutUserPolicyCommand({
        UserName: "netops",
        PolicyName: "describe",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "ec2:Describe*", Resource: "*" }],
        }),
      }),
    );
    const { Vpcs } = await netops.send(new DescribeVpcsCommand({}));
    expect(Vpcs?.map((v) => v.VpcId)).toContain(vpcId);
    await refusal(
      netops.send(new CreateVpcCommand({ CidrBlock: "10.9.0.0/16" })),
      "UnauthorizedOperation",
      403,
    );
    await refusal(netops.send(new DescribeVpcsCommand({ DryRun: true })), "DryRunOperation", 412);
  });
});

describe("serve: EC2 malformed input", () => {
  let open: TestServer;
  beforeAll(async () => {
    open = await startTestServer({ enforceIam: false });
  });
  afterAll(() => open.close());

  async function post(body: string) {
    const res = await fetch(`${open.running.endpoint}/`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      body: `Version=2016-11-15&${body}`,
    });
    return { status: res.status, text: await res.text() };
  }

  it("answers bad values with EC2's error XML and 400, never a crash", async () => {
    const cases: [string, string][] = [
      ["Action=CreateVpc", "MissingParameter"],
      ["Action=CreateVpc&CidrBlock=banana", "InvalidParameterValue"],
      ["Action=DescribeVpcs&MaxResults=many", "InvalidParameterValue"],
      ["Action=DescribeVpcs&MaxResults=2", "InvalidParameterValue"],
      ["Action=DescribeVpcs&NextToken=forged", "InvalidPaginationToken"],
      ["Action=DescribeVpcs&DryRun=maybe", "InvalidParameterValue"],
      ["Action=DescribeVpcs&DryRun=true", "DryRunOperation"],
      ["Action=AuthorizeSecurityGroupIngress&GroupId=sg-1", "MissingParameter"],
      [
        "Action=AuthorizeSecurityGroupIngress&GroupId=sg-1&IpPermissions.1.FromPort=x",
        "InvalidParameterValue",
      ],
      [
        "Action=AuthorizeSecurityGroupIngress&GroupName=nope&CidrIp=10.0.0.0%2F8&IpProtocol=tcp&FromPort=1&ToPort=1",
        "InvalidGroup.NotFound",
      ],
      [
        "Action=CreateManagedPrefixList&PrefixListName=a&AddressFamily=IPv4&MaxEntries=0",
        "InvalidParameterValue",
      ],
      [
        "Action=CreateManagedPrefixList&PrefixListName=a&AddressFamily=IPv5&MaxEntries=3",
        "InvalidParameterValue",
      ],
      [
        "Action=CreateVpcEndpoint&VpcId=vpc-1&ServiceName=com.amazonaws.us-east-1.secretsmanager&VpcEndpointType=Weird",
        "InvalidParameterValue",
      ],
      [
        "Action=CreateVpcEndpoint&VpcId=vpc-1&ServiceName=com.amazonaws.us-east-1.secretsmanager&PrivateDnsEnabled=2",
        "InvalidParameterValue",
      ],
      [
        "Action=CreateSecurityGroup&GroupName=sg-x&GroupDescription=d&VpcId=vpc-1",
        "InvalidParameterValue",
      ],
      ["Action=CreateSecurityGroup&GroupName=x&GroupDescription=d", "MissingParameter"],
      ["Action=TerminateInstances", "InvalidAction"],
    ];
    for (const [body, code] of cases) {
      const answer = await post(body);
      expect(answer.text, body).toContain(`<Code>${code}</Code>`);
      expect(answer.text).toContain("<Response><Errors><Error>");
      expect(answer.status, body).toBe(code === "DryRunOperation" ? 412 : 400);
    }
    expect(open.logged.filter((line) => line.includes("internal failure"))).toEqual([]);
  });
});
