/**
 * The init hook that mounts a function's EFS file systems, as Lambda does
 * before the handler loads (aws-facts C4): each FileSystemConfig is mounted
 * (`mountAccessPoint`, which throws Lambda's EFS errors), then a bridge is
 * opened over the mounts and the instance is told where it listens and to
 * preload the module that routes `fs` under each `LocalMountPath` to it.
 * The mounts belong to the instance: warm invocations reuse them, and the
 * bridge closes when the instance stops. When the host allows it (root on
 * Linux, `efs/fuse/availability.ts`), each mount is also served over FUSE
 * on the same session and recorded for the launcher, which mounts it for
 * real at `LocalMountPath` in the instance's own mount namespace.
 */
import { fileURLToPath } from "node:url";
import type { Identity } from "../../../engines/posix/identity.js";
import type { ServiceContext } from "../../../services/context.js";
import type { FileSession } from "../../../services/efs/file-tree.js";
import { LAMBDA_SANDBOX_IDENTITY } from "../../../services/lambda/assumptions.js";
import type { InstanceInitHook } from "../init-hooks.js";
import { BRIDGE_VARIABLE } from "./assumptions.js";
import { startBridge } from "./bridge-server.js";
import { cachedRealMountSupport } from "./fuse/availability.js";
import { startFuseServer } from "./fuse/fuse-server.js";
import { addRealMount } from "./fuse/real-mounts.js";
import { mountAccessPoint } from "./mount-access-point.js";

/** The sandbox user as an NFS client identity (aws-facts C8). */
const SANDBOX_CLIENT: Identity = {
  uid: LAMBDA_SANDBOX_IDENTITY.uid,
  gid: LAMBDA_SANDBOX_IDENTITY.gid,
  groups: [...LAMBDA_SANDBOX_IDENTITY.groups],
};

/**
 * The preload module beside this one (`.ts` from the source tree, `.js` from `dist/`).
 *
 * @example
 * fsPreloadPath(); // "/…/dist/runtime/lambda/efs/fs-preload.js"
 */
export function fsPreloadPath(): string {
  const here = fileURLToPath(import.meta.url);
  return here.replace(/mount-hook\.(ts|js)$/, (_, ext: string) => `fs-preload.${ext}`);
}

/**
 * The hook, reading the services' context when an instance starts.
 *
 * @example
 * createProcessRunner({ endpoint: () => endpoint, initHooks: [efsMountHook(() => env.services)] });
 */
export function efsMountHook(services: () => ServiceContext): InstanceInitHook {
  return async (setup) => {
    const { fn } = setup.request;
    if (fn.fileSystemConfigs.length === 0) return;
    const ctx = services();
    const mounts = new Map<string, FileSession>();
    for (const config of fn.fileSystemConfigs) {
      const mounted = mountAccessPoint(ctx, {
        fn,
        config,
        accessKeyId: setup.env.AWS_ACCESS_KEY_ID ?? "",
        client: SANDBOX_CLIENT,
      });
      mounts.set(config.localMountPath, mounted.session);
    }
    const bridge = await startBridge(ctx, mounts);
    setup.env[BRIDGE_VARIABLE] = JSON.stringify(bridge.address);
    setup.preload.push(fsPreloadPath());
    setup.onStop.push(() => bridge.close());
    const support = cachedRealMountSupport();
    if (!support.ok) return;
    for (const [localMountPath, session] of mounts) {
      const server = startFuseServer(ctx, session);
      setup.onStop.push(() => server.close());
      addRealMount(setup, support.tools, { localMountPath, fd: server.fd });
    }
  };
}
