/**
 * Seeds-digest section 3: a container that starts its app with `su -`
 * loses the credentials variable; started directly as the user it keeps it.
 */
import { describe, expect, it } from "vitest";
import type { ResolvedValue } from "../../templates/model.js";
import { deployed, probeContext } from "./deployed.test-support.js";
import { probeEcsTaskCredentials } from "./ecs-task-credentials.js";

function task(container: { readonly [key: string]: ResolvedValue }) {
  const resource = {
    ...deployed("AppTask", "AWS::ECS::TaskDefinition", "app:1", 8),
    properties: { ContainerDefinitions: [container] },
  };
  return { ctx: probeContext(), resources: [resource] };
}

describe("ECS task credentials probe", () => {
  it("finds `su -` dropping AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", () => {
    const [finding] = probeEcsTaskCredentials(
      task({ Name: "app", Command: ["sh", "-c", "su - appuser -c 'node /srv/app.js'"] }),
    );
    expect(finding?.ruleId).toBe("ecs-credentials-variable-dropped");
    expect(finding?.title).toContain("`su - appuser`");
    expect(finding?.evidence.at(-1)).toContain("Could not load credentials from any providers");
  });

  it("reports nothing when the container runs as the user directly", () => {
    expect(
      probeEcsTaskCredentials(
        task({ Name: "app", User: "1000:1000", Command: ["node", "/srv/app.js"] }),
      ),
    ).toEqual([]);
  });
});
