import { describe, expect, it } from "vitest";
import { NO_VALUE } from "./eval-types.js";
import { pseudoParameters } from "./pseudo-parameters.js";

describe("pseudoParameters", () => {
  it("defaults to the emulator's account in us-east-1", () => {
    expect(Object.fromEntries(pseudoParameters({}))).toEqual({
      "AWS::AccountId": "000000000000",
      "AWS::Region": "us-east-1",
      "AWS::Partition": "aws",
      "AWS::StackName": "accesslab-stack",
      "AWS::StackId":
        "arn:aws:cloudformation:us-east-1:000000000000:stack/accesslab-stack/00000000-0000-0000-0000-000000000000",
      "AWS::URLSuffix": "amazonaws.com",
      "AWS::NotificationARNs": [],
      "AWS::NoValue": NO_VALUE,
    });
  });

  it("follows the options, with the partition and URL suffix of the region", () => {
    const cn = pseudoParameters({
      region: "cn-north-1",
      accountId: "123456789012",
      stackName: "s",
    });
    expect(cn.get("AWS::Partition")).toBe("aws-cn");
    expect(cn.get("AWS::URLSuffix")).toBe("amazonaws.com.cn");
    expect(cn.get("AWS::StackId")).toMatch(
      /^arn:aws-cn:cloudformation:cn-north-1:123456789012:stack\/s\//,
    );
    expect(pseudoParameters({ region: "us-gov-west-1" }).get("AWS::Partition")).toBe("aws-us-gov");
    expect(
      pseudoParameters({ stackId: "arn:x", notificationArns: ["arn:sns"] }).get("AWS::StackId"),
    ).toBe("arn:x");
  });
});
