import { describe, expect, it } from "vitest";
import { dynamicReference, isDynamicReferenceText } from "./dynamic-references.js";
import { symbolic } from "./symbolic.js";

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

  it("keeps the string as written, for the deployer to resolve", () => {
    const text = "a={{resolve:secretsmanager:db::a}};b={{resolve:secretsmanager:db::b}}";
    const value = dynamicReference(text, { line: 3, column: 9 });
    expect(value?.text).toBe(text);
    expect(value?.position).toEqual({ line: 3, column: 9 });
    expect(isDynamicReferenceText(value)).toBe(true);
    expect(isDynamicReferenceText(symbolic("Fn::ImportValue `x`"))).toBe(false);
    expect(isDynamicReferenceText(text)).toBe(false);
  });

  it("leaves other strings alone", () => {
    expect(dynamicReference("{{resolve:other:x}}")).toBeUndefined();
    expect(dynamicReference("${AWS::Region}")).toBeUndefined();
  });
});
