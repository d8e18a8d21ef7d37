import { describe, expect, it } from "vitest";
import { demoBanner } from "./banner.js";
import type { DemoSummary } from "./summary.js";

const summary: DemoSummary = {
  loadedAt: Date.UTC(2026, 10, 23, 12),
  users: [
    {
      name: "dev",
      arn: "arn:aws:iam::000000000000:user/dev",
      accessKeyId: "AKIADEMODEVELOPER001",
      secretAccessKey: "dev",
    },
  ],
  roles: [],
  endpoints: [{ name: "ep", service: "secretsmanager", id: "vpce-0123456789abcdef0" }],
  fileSystemId: "fs-0123456789abcdef0",
  accessPoints: [],
  secrets: [{ name: "db", arn: "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbCdEf" }],
  containerCredentials: [
    { roleArn: "arn:aws:iam::000000000000:role/task", id: "abc", authorizationToken: "tok" },
  ],
};
const settings = {
  endpoint: "http://127.0.0.1:4566",
  region: "us-east-1",
  root: { accessKeyId: "test", secretAccessKey: "test" },
};

describe("demoBanner", () => {
  it("shows what was loaded, the endpoint URL, the credentials lines and the commands to try", () => {
    const text = demoBanner({ status: "loaded", summary }, "stack.yaml", {
      ...settings,
      stateDir: ".accesslab",
    });
    expect(text).toContain("demo stack: loaded stack.yaml\n");
    expect(text).toContain("reach it as http://127.0.0.1:4566/_vpce/vpce-0123456789abcdef0\n");
    expect(text).toContain(
      "export AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:4566/v2/credentials/abc\n",
    );
    expect(text).toContain("export AWS_CONTAINER_AUTHORIZATION_TOKEN=tok\n");
    expect(text).toContain(
      "AWS_ACCESS_KEY_ID=AKIADEMODEVELOPER001 AWS_SECRET_ACCESS_KEY=dev aws --region us-east-1 --endpoint-url http://127.0.0.1:4566 efs describe-access-points",
    );
    expect(text).toContain(
      "--endpoint-url http://127.0.0.1:4566/_vpce/vpce-0123456789abcdef0 secretsmanager get-secret-value --secret-id db",
    );
    expect(text).toContain("  npx accesslab events\n");
  });

  it("offers the deploy of app.yaml next to the stack when the demo has a deployer and exports", () => {
    const withStack: DemoSummary = {
      ...summary,
      roles: [
        {
          name: "deployer",
          arn: "arn:aws:iam::000000000000:role/deployer",
          trustedService: "cloudformation.amazonaws.com",
        },
      ],
      stack: { name: "accesslab-demo", stackId: "arn:x", exports: [] },
    };
    const text = demoBanner(
      { status: "loaded", summary: withStack },
      "examples/demo/stack.yaml",
      settings,
    );
    expect(text).toContain(
      "  npx accesslab deploy examples/demo/app.yaml --role-arn arn:aws:iam::000000000000:role/deployer --endpoint http://127.0.0.1:4566\n",
    );
    expect(text).toContain("through the deployer service role");
    const { stack: _dropped, ...withoutStack } = withStack;
    const noStack = demoBanner({ status: "loaded", summary: withoutStack }, "s.yaml", settings);
    expect(noStack).not.toContain("accesslab deploy");
    const noDeployer = demoBanner({ status: "loaded", summary }, "s.yaml", settings);
    expect(noDeployer).not.toContain("accesslab deploy");
  });

  it("says when the stack was loaded earlier and omits events for an in-memory state", () => {
    const text = demoBanner({ status: "already loaded", summary }, "stack.yaml", settings);
    expect(text).toContain("demo stack: already loaded (2026-11-23T12:00:00.000Z)");
    expect(text).not.toContain("accesslab events");
  });
});
