/**
 * The Debian AWS CLI against accesslab's Lambda control plane:
 * create-function from `--zip-file fileb://…` (a zip written by the test's
 * own zip writer), Lambda's refusals (a role Lambda cannot assume, a name
 * taken; a non-zip upload the CLI itself refuses), get-function, get-function-
 * configuration, update-function-configuration, list-functions through the
 * CLI's paginator, delete-function, and a user allowed `lambda:*` but not
 * `iam:PassRole` refused.
 */
import { createHash } from "node:crypto";
import { CreateRoleCommand } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { trustPolicy } from "../serve/harness.js";
import {
  allow,
  expectAwsError,
  NO_AWS_CLI,
  ok,
  useCliServer,
  userWithPolicy,
} from "./cli-suite.js";
import { zipArchive } from "./zip-archive.js";

const ROLE = (name: string) => `arn:aws:iam::000000000000:role/${name}`;
const FUNCTION = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

describe.skipIf(NO_AWS_CLI)("aws cli: Lambda", () => {
  const cli = useCliServer();
  const aws = cli.aws;
  const zip = zipArchive([{ name: "index.js", content: "exports.handler = async () => 1;\n" }]);
  const create = (name: string, role: string, file = "f.zip") => [
    "lambda",
    "create-function",
    "--function-name",
    name,
    "--runtime",
    "nodejs20.x",
    "--handler",
    "index.handler",
    "--role",
    ROLE(role),
    "--zip-file",
    `fileb://${cli.file(file, file === "f.zip" ? zip : "not a zip")}`,
  ];
  // Roles are set-up here (the IAM CLI has its own suite): the in-process SDK is quicker.
  const createRole = (name: string, service: string) =>
    cli
      .server()
      .iam()
      .send(
        new CreateRoleCommand({
          RoleName: name,
          AssumeRolePolicyDocument: trustPolicy({ Service: service }),
        }),
      );

  it("creates, reads, updates, lists and deletes functions", async () => {
    await createRole("fn-exec", "lambda.amazonaws.com");
    await createRole("ec2-only", "ec2.amazonaws.com");
    const [createdRun, notLambda, notZip] = await Promise.all([
      aws(create("app", "fn-exec")),
      aws(create("bad", "ec2-only")),
      aws(create("junk", "fn-exec", "junk.zip")),
    ]);
    const created = ok<Record<string, unknown>>(createdRun);
    expect(created).toMatchObject({
      FunctionName: "app",
      FunctionArn: FUNCTION("app"),
      Runtime: "nodejs20.x",
      Role: ROLE("fn-exec"),
      Handler: "index.handler",
      CodeSize: zip.length,
      CodeSha256: createHash("sha256").update(zip).digest("base64"),
      Timeout: 3,
      MemorySize: 128,
      Version: "$LATEST",
      PackageType: "Zip",
    });
    expect(expectAwsError(notLambda, "InvalidParameterValueException", "CreateFunction")).toBe(
      "The role defined for the function cannot be assumed by Lambda.",
    );
    expect(notLambda.stderr).toContain(
      "An error occurred (InvalidParameterValueException) when calling the CreateFunction operation",
    );
    // The CLI opens --zip-file with Python's zipfile before sending (so it also
    // vouches for zipArchive); a non-zip never reaches the server: exit 252.
    expect(notZip.code).toBe(252);
    expect(notZip.stderr).toContain("--zip-file must be a zip file with the fileb:// prefix.");

    const [taken, other, updated] = await Promise.all([
      aws(create("app", "fn-exec")),
      aws(create("worker", "fn-exec")),
      aws([
        "lambda",
        "update-function-configuration",
        "--function-name",
        "app",
        "--timeout",
        "30",
        "--memory-size",
        "256",
        "--environment",
        "Variables={STAGE=dev}",
      ]),
    ]);
    expect(expectAwsError(taken, "ResourceConflictException", "CreateFunction")).toBe(
      "Function already exist: app",
    );
    ok(other);
    expect(ok(updated)).toMatchObject({
      FunctionName: "app",
      Timeout: 30,
      MemorySize: 256,
      Environment: { Variables: { STAGE: "dev" } },
    });

    const [fn, config, listed] = await Promise.all([
      aws(["lambda", "get-function", "--function-name", "app"]),
      aws(["lambda", "get-function-configuration", "--function-name", FUNCTION("app")]),
      aws(["lambda", "list-functions", "--page-size", "1"]),
    ]);
    expect(ok(fn)).toMatchObject({
      Configuration: { FunctionArn: FUNCTION("app"), Timeout: 30 },
      Code: { RepositoryType: "S3" },
    });
    expect(ok(config)).toMatchObject({ FunctionName: "app", MemorySize: 256 });
    // --page-size 1: the CLI sends MaxItems=1 and follows NextMarker to the end.
    const names = ok<{ Functions: { FunctionName: string }[] }>(listed).Functions.map(
      (f) => f.FunctionName,
    );
    expect(names.sort()).toEqual(["app", "worker"]);

    expect(ok(await aws(["lambda", "delete-function", "--function-name", "app"]))).toBeUndefined();
    const gone = await aws(["lambda", "get-function-configuration", "--function-name", "app"]);
    expect(expectAwsError(gone, "ResourceNotFoundException", "GetFunctionConfiguration")).toBe(
      `Function not found: ${FUNCTION("app")}`,
    );
  });

  it("refuses create-function to a user allowed lambda:* without iam:PassRole", async () => {
    const deployer = await userWithPolicy(cli, "deployer", allow("lambda:*"));
    await createRole("deploy-exec", "lambda.amazonaws.com");
    const refused = await aws(create("deployed", "deploy-exec"), deployer);
    expect(expectAwsError(refused, "AccessDeniedException", "CreateFunction")).toBe(
      `User: arn:aws:iam::000000000000:user/deployer is not authorized to perform: iam:PassRole on resource: ${ROLE("deploy-exec")} because no identity-based policy allows the iam:PassRole action`,
    );
  });
});
