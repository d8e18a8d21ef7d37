/**
 * The init hook that puts a function's TCP connections to FSx file servers
 * through the emulated VPC: when an instance starts, it computes the
 * instance's route table (`vpc-routes.ts`: each file server's DNS name and
 * address on 445 to its local SMB server, or refused with the network's
 * reasons), hands it to the instance in `ACCESSLAB_VPC_ROUTES` and has the
 * instance preload `net-preload.ts`, which routes `net.Socket` connects
 * through it. Decided at instance start, as Lambda sets up a function's
 * VPC interface before its first invocation: a warm instance keeps its
 * table. The pool retires instances when the function's configuration
 * changes (its VPC, its groups); a change of a security group's rules or
 * a new file system reaches the next instance only (on AWS, rule changes
 * apply at once to the running interface: a known difference).
 */
import { fileURLToPath } from "node:url";
import type { ServiceContext } from "../../../services/context.js";
import type { InstanceInitHook } from "../init-hooks.js";
import { ROUTES_VARIABLE } from "./assumptions.js";
import { vpcRouteTable } from "./vpc-routes.js";

/**
 * The preload module beside this one (`.ts` from the source tree, `.js` from `dist/`).
 *
 * @example
 * netPreloadPath(); // "/…/dist/runtime/lambda/network/net-preload.js"
 */
export function netPreloadPath(): string {
  const here = fileURLToPath(import.meta.url);
  return here.replace(/vpc-connections-hook\.(ts|js)$/, (_, ext: string) => `net-preload.${ext}`);
}

/**
 * The hook, reading the services' context when an instance starts.
 *
 * @example
 * createProcessRunner({ endpoint: () => endpoint, initHooks: [vpcConnectionsHook(() => env.services)] });
 */
export function vpcConnectionsHook(services: () => ServiceContext): InstanceInitHook {
  return (setup) => {
    const table = vpcRouteTable(services(), setup.request.fn);
    if (table === undefined) return;
    setup.env[ROUTES_VARIABLE] = JSON.stringify(table);
    setup.preload.push(netPreloadPath());
  };
}
