import { describe, expect, it } from "vitest";
import { dynamicReference } from "./dynamic-references.js";

describe("dynamicReference", () => {
  it("makes ssm, ssm-secure and secretsmanager references symbolic", () => {
    expect(dynamicReference("{{resolve:ssm:/vpc/id}}")?.description).toBe(
      "dynamic reference `{{resolve:ssm:/vpc/id}}`",
    );
    expect(dynamicReference("{{resolve:ssm-secure:/pw:1}}")?.symbolic).toBe(true);
    expect(dynamicReference("pw={{resolve:secretsmanager:db:SecretString:pw}}")?.description).toBe(
      "dynamic reference `{{resolve:secretsmanager:db:SecretString:pw}}` in `pw={{resolve:secretsmanager:db:SecretString:pw}}`",
    );
  });

  it("leaves other strings alone", () => {
    expect(dynamicReference("{{resolve:other:x}}")).toBeUndefined();
    expect(dynamicReference("${AWS::Region}")).toBeUndefined();
  });
});
