import { describe, expect, it } from "vitest";
import { updateAssumeRolePolicy } from "../iam/roles.js";
import { LambdaError } from "./errors.js";
import { createFunction } from "./functions.js";
import { type InvokeInput, invokeFunction } from "./invoke.js";
import type { FunctionRunner, InvocationRequest, InvocationResult } from "./invoke-port.js";
import { EMPTY_ZIP, lambdaTestContext, seedWorld } from "./seed.test-support.js";

/** A runner that records requests and answers `result`. */
function fakeRunner(result: InvocationResult) {
  const requests: InvocationRequest[] = [];
  const runner: FunctionRunner = {
    invoke: async (request) => {
      requests.push(request);
      return result;
    },
    close: async () => undefined,
  };
  return { runner, requests };
}

function setup(result: InvocationResult = { payload: '{"ok":true}', log: "START\nEND\n" }) {
  const fake = fakeRunner(result);
  const ctx = { ...lambdaTestContext(), functionRunner: fake.runner };
  const world = seedWorld(ctx);
  createFunction(ctx, {
    functionName: "app",
    role: world.roleArn,
    runtime: "nodejs20.x",
    handler: "index.handler",
    code: { zipFileBase64: EMPTY_ZIP },
  });
  return { ctx, world, ...fake };
}

const input = (more: Partial<InvokeInput> = {}): InvokeInput => ({
  functionName: "app",
  invocationType: "RequestResponse",
  logType: "None",
  payload: new TextEncoder().encode('{"a":1}'),
  requestId: "r-1",
  ...more,
});

async function refusal(work: Promise<unknown>): Promise<LambdaError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LambdaError))
    throw new Error(`expected a LambdaError, got ${String(error)}`);
  return error;
}

describe("invokeFunction", () => {
  it("hands a RequestResponse to the runner and answers its payload", async () => {
    const { ctx, requests } = setup();
    const out = await invokeFunction(ctx, input());
    expect(out).toEqual({ status: 200, payload: '{"ok":true}', executedVersion: "$LATEST" });
    expect(requests[0]?.payload).toBe('{"a":1}');
    expect(requests[0]?.fn.functionName).toBe("app");
    const credentials = requests[0]?.credentials();
    expect(credentials?.accessKeyId).toMatch(/^ASIA/);
  });

  it("passes the function error and the log tail through", async () => {
    const { ctx } = setup({ payload: "{}", functionError: "Unhandled", log: "x".repeat(5000) });
    const out = await invokeFunction(ctx, input({ logType: "Tail" }));
    expect(out.status === 200 && out.functionError).toBe("Unhandled");
    expect(out.status === 200 && Buffer.from(out.logResult ?? "", "base64").length).toBe(4096);
  });

  it("answers 202 for an Event and 204 for a DryRun, which runs nothing", async () => {
    const { ctx, requests } = setup();
    expect(await invokeFunction(ctx, input({ invocationType: "Event" }))).toEqual({ status: 202 });
    expect(await invokeFunction(ctx, input({ invocationType: "DryRun" }))).toEqual({ status: 204 });
    expect(requests).toHaveLength(1);
  });

  it("takes an empty payload as `{}` and refuses one that is not JSON", async () => {
    const { ctx, requests } = setup();
    await invokeFunction(ctx, input({ payload: new Uint8Array() }));
    expect(requests[0]?.payload).toBe("{}");
    const error = await refusal(
      invokeFunction(ctx, input({ payload: new TextEncoder().encode("{x") })),
    );
    expect(error.code).toBe("InvalidRequestContentException");
    expect(error.message).toMatch(
      /^Could not parse request body into json: Could not parse payload into json: /,
    );
  });

  it("refuses payloads over the invocation type's limit", async () => {
    const { ctx } = setup();
    const big = new TextEncoder().encode(`"${"x".repeat(6 * 1024 * 1024)}"`);
    const error = await refusal(invokeFunction(ctx, input({ payload: big })));
    expect([error.code, error.httpStatus]).toEqual(["RequestTooLargeException", 413]);
    const event = await refusal(
      invokeFunction(
        ctx,
        input({ invocationType: "Event", payload: big.subarray(0, 2 * 1024 * 1024) }),
      ),
    );
    expect(event.message).toContain("InvokeAsync");
  });

  it("refuses unknown functions, untrusting roles, and a missing runner", async () => {
    const { ctx } = setup();
    expect((await refusal(invokeFunction(ctx, input({ functionName: "nope" })))).code).toBe(
      "ResourceNotFoundException",
    );
    const { functionRunner: _, ...bare } = ctx;
    expect((await refusal(invokeFunction(bare, input()))).code).toBe("ServiceException");
    updateAssumeRolePolicy(
      ctx,
      "fn-exec",
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "ec2.amazonaws.com" },
            Action: "sts:AssumeRole",
          },
        ],
      }),
    );
    const role = await refusal(invokeFunction(ctx, input()));
    expect([role.code, role.message]).toEqual([
      "InvalidParameterValueException",
      "The role defined for the function cannot be assumed by Lambda.",
    ]);
  });

  it("refuses to run a package kept in S3", async () => {
    const { ctx, world } = setup();
    createFunction(ctx, {
      functionName: "s3",
      role: world.roleArn,
      runtime: "nodejs20.x",
      handler: "index.handler",
      code: { s3Bucket: "code-bucket", s3Key: "k.zip" },
    });
    const error = await refusal(invokeFunction(ctx, input({ functionName: "s3" })));
    expect(error.message).toContain("`s3://code-bucket/k.zip`");
  });
});
