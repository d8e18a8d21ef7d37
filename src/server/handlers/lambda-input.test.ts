import { describe, expect, it } from "vitest";
import { ProtocolError } from "../../protocol/errors.js";
import { LambdaError } from "../../services/lambda/errors.js";
import { thrown } from "../../services/thrown.test-support.js";
import { createInput, settingsInput } from "./lambda-input.js";

describe("Lambda request bodies", () => {
  it("reads CreateFunction's members by their wire names", () => {
    expect(
      createInput({
        FunctionName: "app",
        Role: "arn:aws:iam::000000000000:role/r",
        Code: { ZipFile: "UEsFBg==" },
        Timeout: 10,
        VpcConfig: { SubnetIds: ["subnet-1"] },
        Environment: { Variables: { MODE: "x" } },
        FileSystemConfigs: [{ Arn: "a", LocalMountPath: "/mnt/a" }],
        Tags: { team: "a" },
      }),
    ).toEqual({
      functionName: "app",
      role: "arn:aws:iam::000000000000:role/r",
      code: { zipFileBase64: "UEsFBg==" },
      timeout: 10,
      vpcConfig: { subnetIds: ["subnet-1"] },
      environment: { MODE: "x" },
      fileSystemConfigs: [{ arn: "a", localMountPath: "/mnt/a" }],
      tags: { team: "a" },
    });
  });

  it("answers missing required members with Lambda's ValidationException", () => {
    const e = thrown(LambdaError, () => createInput({ FunctionName: "app" }));
    expect(e.message).toBe(
      "2 validation errors detected: Value null at 'role' failed to satisfy constraint: Member must not be null; Value null at 'code' failed to satisfy constraint: Member must not be null",
    );
  });

  it("answers members of the wrong type with SerializationException", () => {
    for (const body of [
      { Timeout: "30" },
      { VpcConfig: [] },
      { Environment: { Variables: { A: 1 } } },
    ]) {
      const e = thrown(ProtocolError, () => settingsInput(body));
      expect([e.code, e.httpStatus]).toEqual(["SerializationException", 400]);
    }
  });
});
