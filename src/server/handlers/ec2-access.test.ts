import { describe, expect, it } from "vitest";
import { ec2Denied } from "./ec2-access.js";

describe("EC2 refusals", () => {
  it("prefixes EC2's sentence and drops the resource, which EC2 does not name", () => {
    const error = ec2Denied(
      "User: arn:aws:iam::000000000000:user/bob is not authorized to perform: ec2:CreateVpc on resource: * because no identity-based policy allows the ec2:CreateVpc action",
    );
    expect(error.code).toBe("UnauthorizedOperation");
    expect(error.httpStatus).toBe(403);
    expect(error.message).toBe(
      "You are not authorized to perform this operation. User: arn:aws:iam::000000000000:user/bob is not authorized to perform: ec2:CreateVpc because no identity-based policy allows the ec2:CreateVpc action",
    );
    const explicit = ec2Denied(
      "User: u is not authorized to perform: ec2:DescribeVpcs on resource: * with an explicit deny in an identity-based policy",
    );
    expect(explicit.message).toContain("ec2:DescribeVpcs with an explicit deny");
  });
});
