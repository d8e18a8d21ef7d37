/**
 * Rules about ECS task definitions (seeds-digest section 3, aws-facts D):
 * the task role's credentials reach a container only through the
 * `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` variable in its main process's
 * environment, which a user switch that resets the environment throws
 * away. Role trust for `ecs-tasks.amazonaws.com` is an IAM rule.
 */
import type { RuleDefinition } from "../rule.js";

/**
 * The ECS rules.
 *
 * @example
 * ECS_RULES[0]?.id; // "ecs-credentials-variable-dropped"
 */
export const ECS_RULES: readonly RuleDefinition[] = [
  {
    id: "ecs-credentials-variable-dropped",
    area: "ecs",
    severity: "error",
    title:
      "container {container} starts its app through `{command}`, which drops AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    explanation:
      'ECS serves the task role\'s credentials at http://169.254.170.2 and tells the container where through AWS_CONTAINER_CREDENTIALS_RELATIVE_URI, set in the environment of the container\'s main process; child processes see it only while the environment is passed on. In {taskDefinition}, container {container} starts the application through `{command}`, which starts a fresh login environment (`su -`, `su -l`, `runuser -l`, `login` and `sudo -i` keep little more than HOME, SHELL, PATH, TERM and USER; `sudo` resets the environment by default), so the application does not have the variable. The AWS SDK then falls back to the EC2 instance metadata endpoint, which Fargate does not provide, and fails: "Could not connect to the endpoint URL: http://169.254.169.254/latest/meta-data/iam/security-credentials/" (the JavaScript SDK says "Could not load credentials from any providers").',
    fix: 'Run the application as the non-root user directly: set `User` in the container definition (for example "1000:1000") and start the process without su, runuser or sudo. If the switch must stay, keep the environment (`su app -c ...` without `-` or `-l`, `runuser -u app -- ...`, `sudo --preserve-env=AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ...`); exporting the variable from /proc/1/environ in a shell profile, the field report\'s workaround, also works but is fragile.',
  },
];
