/**
 * Loading a demo stack into a state, once: the stack is read strictly
 * (positioned errors), then every resource is created through the
 * services, as the bootstrap root of the default account, and a demo with
 * `exports` is recorded as the CloudFormation stack `accesslab-demo`
 * (record-stack.ts), then the templates of its `stacks` section are
 * deployed (deploy-app-stacks.ts), all in ONE store transaction that also writes the
 * `demo/loaded` marker. A state that already has the marker is left alone
 * (a restart keeps what the user changed and never duplicates anything); a
 * stack that fails to load leaves the state untouched.
 */

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ServiceContext } from "../services/context.js";
import { createRoles, createUsers } from "./create-identities.js";
import { createNetwork } from "./create-network.js";
import { createDemoFileSystem, createSecrets } from "./create-storage.js";
import { deployAppStacks, type ReadRelative } from "./deploy-app-stacks.js";
import { DemoLoadError, located } from "./load-error.js";
import type { DemoStack } from "./model.js";
import { readDemoStack } from "./read-stack.js";
import { recordDemoStack } from "./record-stack.js";
import { DEMO_MARKER, type DemoSummary } from "./summary.js";

/** The outcome of {@link loadDemoStack}. */
export interface DemoLoadResult {
  /** `loaded` now, or `already loaded` by an earlier start of this state. */
  readonly status: "loaded" | "already loaded";
  readonly summary: DemoSummary;
}

/**
 * Loads the stack in `text` (named `file` in messages) unless this state
 * already has one; throws a {@link DemoLoadError} with a one-line message.
 *
 * @example
 * const { status, summary } = loadDemoStack(env.services, readFileSync(file, "utf8"), file);
 * status; // "loaded" the first time, "already loaded" after
 */
export function loadDemoStack(
  ctx: ServiceContext,
  text: string,
  file: string,
  read: ReadRelative = relativeTo(file),
): DemoLoadResult {
  const earlier = loadedDemo(ctx);
  if (earlier) return { status: "already loaded", summary: earlier };
  const { stack, error } = readDemoStack(text);
  if (!stack)
    throw new DemoLoadError(located(file, error?.position, error?.message ?? "unreadable"));
  const summary = ctx.store.transaction(() => {
    const made = createStack(ctx, file, stack, read);
    ctx.store.records.put(DEMO_MARKER.kind, DEMO_MARKER.key, made);
    return made;
  });
  return { status: "loaded", summary };
}

/**
 * The summary a loaded stack left in this state, if any.
 *
 * @example
 * loadedDemo(ctx)?.secrets[0]?.name; // "demo/db"
 */
export function loadedDemo(ctx: ServiceContext): DemoSummary | undefined {
  return ctx.store.records.get<DemoSummary>(DEMO_MARKER.kind, DEMO_MARKER.key);
}

function createStack(
  ctx: ServiceContext,
  file: string,
  stack: DemoStack,
  read: ReadRelative,
): DemoSummary {
  const ids = new Map<string, string>();
  const users = createUsers(ctx, file, stack.users, ids);
  const { roles, credentials } = createRoles(ctx, file, stack.roles, ids);
  const network = stack.network ? createNetwork(ctx, file, stack.network, ids) : undefined;
  const fileSystem = stack.fileSystem
    ? createDemoFileSystem(ctx, file, stack.fileSystem, ids)
    : undefined;
  const secrets = createSecrets(ctx, file, stack.secrets, ids);
  const recorded = recordDemoStack(ctx, file, stack.exports, ids);
  const appStacks = deployAppStacks(ctx, file, stack.stacks, ids, read);
  return {
    loadedAt: ctx.clock(),
    users,
    roles,
    ...(network ? { vpcId: network.vpcId } : {}),
    endpoints: network?.endpoints ?? [],
    ...(fileSystem ? { fileSystemId: fileSystem.fileSystemId } : {}),
    accessPoints: fileSystem?.accessPoints ?? [],
    secrets,
    containerCredentials: credentials,
    ...(recorded ? { stack: recorded } : {}),
    ...(appStacks.length > 0 ? { appStacks } : {}),
  };
}

/** Reads templates next to the demo file. */
function relativeTo(file: string): ReadRelative {
  return (path) => {
    try {
      return readFileSync(join(dirname(file), path), "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(
        `cannot read the template \`${path}\`: ${code === "ENOENT" ? "no such file" : (code ?? "unreadable")}`,
      );
    }
  };
}
