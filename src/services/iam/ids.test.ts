import { describe, expect, it } from "vitest";
import { parseRoleArn, roleArn } from "./ids.js";

describe("parseRoleArn", () => {
  it("splits a role ARN into account, path and name, and undoes roleArn", () => {
    expect(parseRoleArn("arn:aws:iam::111122223333:role/app")).toEqual({
      account: "111122223333",
      path: "/",
      roleName: "app",
    });
    const arn = roleArn("111122223333", "/service-role/team/", "app");
    expect(parseRoleArn(arn)).toEqual({
      account: "111122223333",
      path: "/service-role/team/",
      roleName: "app",
    });
    expect(parseRoleArn("arn:aws-cn:iam::111122223333:role/x")?.roleName).toBe("x");
  });

  it("refuses what is not a role ARN", () => {
    for (const arn of [
      "arn:aws:iam::111122223333:user/app",
      "arn:aws:iam::1111:role/app",
      "arn:aws:iam::111122223333:role/",
      "role/app",
    ])
      expect(parseRoleArn(arn), arn).toBeUndefined();
  });
});
