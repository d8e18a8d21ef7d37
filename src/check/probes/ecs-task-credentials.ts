/**
 * The ECS task credentials probe. ECS puts AWS_CONTAINER_CREDENTIALS_RELATIVE_URI
 * in the environment of each container's main process (aws-facts D1, D11);
 * the probe follows the container's EntryPoint and Command as the process
 * tree would and finds the first user switch that starts a fresh
 * environment (`su -`, `runuser -l`, `sudo`, …, see `environmentReset`). The
 * application below it has no variable, so the SDK's chain falls through
 * to instance metadata, which Fargate does not serve.
 */
import { environmentReset } from "../../engines/posix/user-switch.js";
import type { ResolvedValue } from "../../templates/model.js";
import type { Finding } from "../finding.js";
import { findingOf } from "../finding-of.js";
import { type Probe, resourcesOfType } from "../probe.js";

/** The variable ECS sets for the task role's credentials. */
export const CREDENTIALS_VARIABLE = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";

/**
 * Probes every container of every task definition.
 *
 * @example
 * probeEcsTaskCredentials({ ctx, resources }); // [{ ruleId: "ecs-credentials-variable-dropped", … }]
 */
export const probeEcsTaskCredentials: Probe = (run) => {
  const findings: Finding[] = [];
  for (const resource of resourcesOfType(run, "AWS::ECS::TaskDefinition")) {
    const containers = resource.properties.ContainerDefinitions;
    if (!Array.isArray(containers)) continue;
    containers.forEach((container: ResolvedValue, index) => {
      if (typeof container !== "object" || container === null || Array.isArray(container)) return;
      const fields = container as { readonly [key: string]: ResolvedValue };
      const commandLine = [...words(fields.EntryPoint), ...words(fields.Command)].join(" ");
      const reset = environmentReset(commandLine, CREDENTIALS_VARIABLE);
      if (reset === undefined) return;
      const name = typeof fields.Name === "string" ? fields.Name : `#${index}`;
      findings.push(
        findingOf({
          ruleId: "ecs-credentials-variable-dropped",
          resource,
          values: { taskDefinition: resource.logicalId, container: name, command: reset.command },
          evidence: [
            `container ${name} runs: ${commandLine}`,
            `pid 1 environment: ${CREDENTIALS_VARIABLE}=/v2/credentials/…`,
            `after \`${reset.command}\`: ${CREDENTIALS_VARIABLE} is unset`,
            "AWS SDK: Could not load credentials from any providers (instance metadata at 169.254.169.254 does not answer on Fargate)",
          ],
          path: [
            "ContainerDefinitions",
            index,
            fields.EntryPoint === undefined ? "Command" : "EntryPoint",
          ],
        }),
      );
    });
  }
  return findings;
};

function words(value: ResolvedValue | undefined): string[] {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((w): w is string => typeof w === "string");
}
