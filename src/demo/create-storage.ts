/**
 * Creating the demo's EFS file system (mount targets, access points, file
 * system policy) and its secrets (value, resource policy) through the EFS
 * and Secrets Manager services, with `${name}` references in policies
 * replaced by the ids made earlier. The file system's and each access
 * point's ARN are recorded too, as `<name>.Arn`, for the demo's exports.
 */
import type { ServiceContext } from "../services/context.js";
import {
  createAccessPoint,
  createFileSystem,
  putFileSystemPolicy,
} from "../services/efs/control-plane.js";
import { createMountTarget } from "../services/efs/mount-targets.js";
import { createSecret, readCreateSecret } from "../services/secretsmanager/create-secret.js";
import { findSecret } from "../services/secretsmanager/lookup.js";
import { putResourcePolicy } from "../services/secretsmanager/resource-policy.js";
import { creating } from "./load-error.js";
import type { DemoFileSystem, DemoSecret } from "./model.js";
import { resolvePolicy } from "./references.js";

/**
 * Creates the file system; answers its id and its access points.
 *
 * @example
 * createDemoFileSystem(ctx, "stack.yaml", stack.fileSystem, ids).fileSystemId; // "fs-…"
 */
export function createDemoFileSystem(
  ctx: ServiceContext,
  file: string,
  spec: DemoFileSystem,
  ids: Map<string, string>,
): { fileSystemId: string; accessPoints: { name: string; id: string }[] } {
  const { fileSystemId, arn } = creating(file, spec, `file system \`${spec.name}\``, () =>
    createFileSystem(ctx, { creationToken: spec.creationToken, name: spec.name }),
  );
  ids.set(spec.name, fileSystemId);
  ids.set(`${spec.name}.Arn`, arn);
  for (const t of spec.mountTargets) {
    creating(file, t, `a mount target in \`${t.subnet}\``, () =>
      createMountTarget(ctx, {
        fileSystemId,
        subnetId: ids.get(t.subnet) as string,
        securityGroups: t.securityGroups.map((n) => ids.get(n) as string),
      }),
    );
  }
  const accessPoints = spec.accessPoints.map((a) => {
    const ap = creating(file, a, `access point \`${a.name}\``, () =>
      createAccessPoint(ctx, {
        fileSystemId,
        tags: [{ key: "Name", value: a.name }],
        ...(a.posixUser ? { posixUser: a.posixUser } : {}),
        ...(a.rootDirectory ? { rootDirectory: a.rootDirectory } : {}),
      }),
    );
    ids.set(a.name, ap.accessPointId);
    ids.set(`${a.name}.Arn`, ap.accessPointArn);
    return { name: a.name, id: ap.accessPointId };
  });
  if (spec.policy !== undefined) {
    const policy = resolvePolicy(spec.policy, ids);
    creating(file, spec, `the policy of \`${spec.name}\``, () =>
      putFileSystemPolicy(ctx, fileSystemId, policy),
    );
  }
  return { fileSystemId, accessPoints };
}

/**
 * Creates the secrets; answers their names and ARNs.
 *
 * @example
 * createSecrets(ctx, "stack.yaml", stack.secrets, ids)[0].arn; // "arn:aws:secretsmanager:…:secret:demo/db-…"
 */
export function createSecrets(
  ctx: ServiceContext,
  file: string,
  secrets: readonly DemoSecret[],
  ids: Map<string, string>,
): { name: string; arn: string }[] {
  return secrets.map((s) =>
    creating(file, s, `secret \`${s.name}\``, () => {
      createSecret(ctx, readCreateSecret(ctx, { Name: s.name, SecretString: s.value }));
      const secret = findSecret(ctx, s.name);
      if (!secret) throw new Error(`secret \`${s.name}\` vanished after creation`);
      ids.set(s.name, secret.arn);
      if (s.policy !== undefined)
        putResourcePolicy(ctx, secret, { ResourcePolicy: resolvePolicy(s.policy, ids) });
      return { name: s.name, arn: secret.arn };
    }),
  );
}
