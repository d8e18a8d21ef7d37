/**
 * Creating the demo's users (with their fixed access keys and inline
 * policies) and roles (trust policy for one service principal, managed and
 * inline policies, ECS container credentials) through the IAM and
 * credentials services. Each name is recorded in `ids` as its ARN.
 */
import type { ServiceContext } from "../services/context.js";
import { registerContainerCredentials } from "../services/credentials/container-registrations.js";
import { attachRolePolicy, putRolePolicy } from "../services/iam/role-policies.js";
import { createRole } from "../services/iam/roles.js";
import { createUser, importAccessKey, putUserPolicy } from "../services/iam/users.js";
import { creating } from "./load-error.js";
import type { DemoRole, DemoUser } from "./model.js";
import { resolvePolicy } from "./references.js";
import type { SummaryContainerCredentials, SummaryUser } from "./summary.js";

/**
 * Creates the users.
 *
 * @example
 * createUsers(ctx, "stack.yaml", stack.users, ids)[0].accessKeyId; // "AKIADEMODEVELOPER001"
 */
export function createUsers(
  ctx: ServiceContext,
  file: string,
  users: readonly DemoUser[],
  ids: Map<string, string>,
): SummaryUser[] {
  return users.map((u) =>
    creating(file, u, `user \`${u.name}\``, () => {
      const user = createUser(ctx, { userName: u.name });
      ids.set(u.name, user.arn);
      for (const [name, policy] of Object.entries(u.policies))
        putUserPolicy(ctx, u.name, name, resolvePolicy(policy, ids));
      if (!u.accessKey) return { name: u.name, arn: user.arn };
      const key = importAccessKey(ctx, {
        userName: u.name,
        accessKeyId: u.accessKey.id,
        secretAccessKey: u.accessKey.secret,
      });
      return {
        name: u.name,
        arn: user.arn,
        accessKeyId: key.accessKeyId,
        secretAccessKey: key.secretAccessKey,
      };
    }),
  );
}

/**
 * Creates the roles; answers their ARNs and any container credentials registered.
 *
 * @example
 * createRoles(ctx, "stack.yaml", stack.roles, ids).credentials[0].id;
 */
export function createRoles(
  ctx: ServiceContext,
  file: string,
  roles: readonly DemoRole[],
  ids: Map<string, string>,
): {
  roles: { name: string; arn: string; trustedService: string }[];
  credentials: SummaryContainerCredentials[];
} {
  const credentials: SummaryContainerCredentials[] = [];
  const made = roles.map((r) =>
    creating(file, r, `role \`${r.name}\``, () => {
      const role = createRole(ctx, {
        roleName: r.name,
        assumeRolePolicyDocument: trustPolicy(r.trustedService),
      });
      ids.set(r.name, role.arn);
      for (const arn of r.managedPolicies) attachRolePolicy(ctx, r.name, arn);
      for (const [name, policy] of Object.entries(r.policies))
        putRolePolicy(ctx, r.name, name, resolvePolicy(policy, ids));
      if (r.containerCredentials) {
        const reg = registerContainerCredentials(ctx, {
          roleArn: role.arn,
          taskId: r.containerCredentials.taskId,
          cluster: r.containerCredentials.cluster,
        });
        credentials.push({
          roleArn: role.arn,
          id: reg.id,
          ...(reg.authorizationToken === undefined
            ? {}
            : { authorizationToken: reg.authorizationToken }),
        });
      }
      return { name: r.name, arn: role.arn, trustedService: r.trustedService };
    }),
  );
  return { roles: made, credentials };
}

function trustPolicy(service: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
  });
}
