/**
 * The route table of a function's instance for the FSx file servers it may
 * dial: for each Windows file system, its DNS name and preferred file
 * server address (the names a client dials; the id is not a host name) on
 * TCP 445 go to the local SMB server standing for it when the emulated
 * network allows it (`smbEndpointFor`, from the function's interface),
 * and are refused with the network's reasons otherwise. Every other port
 * of those hosts is refused (accesslab serves only SMB there), as is every
 * port of a file system in another VPC or, for a function outside a VPC,
 * of every file system: a connection to a private address never leaves
 * this machine. Without file systems there is no table.
 */
import type { ServiceContext } from "../../../services/context.js";
import type { Endpoint } from "../../../services/ec2/reachability.js";
import { FSX_RECORD, type FsxFileSystem } from "../../../services/fsx/model.js";
import { SMB_PORT, smbEndpointFor } from "../../../services/fsx/smb-endpoint.js";
import { instanceInterface } from "../../../services/lambda/instance-interface.js";
import type { LambdaFunction } from "../../../services/lambda/model.js";
import { notInVpcMessage, otherVpcMessage, unservedPortMessage } from "./assumptions.js";
import { type Route, type RouteTable, routeKey } from "./route-table.js";

/**
 * The routes of `fn`'s instances, or undefined when no file system exists.
 *
 * @example
 * vpcRouteTable(ctx, fn);
 * // { "amznfsxab12cd34.corp.example.com:445": { to: { host: "127.0.0.1", port: 40123 } },
 * //   "amznfsxab12cd34.corp.example.com:*": { refused: "accesslab serves only SMB …" }, … }
 */
export function vpcRouteTable(ctx: ServiceContext, fn: LambdaFunction): RouteTable | undefined {
  const systems = ctx.store.records.list<FsxFileSystem>(FSX_RECORD);
  if (systems.length === 0) return undefined;
  const vpcId = fn.vpcConfig?.vpcId ?? "";
  const table: Record<string, Route> = {};
  // a file system of the function's own VPC wins an address both VPCs use
  const ordered = [
    ...systems.filter((fs) => fs.vpcId !== vpcId),
    ...systems.filter((fs) => fs.vpcId === vpcId),
  ];
  const from = instanceInterface(ctx, fn);
  for (const fs of ordered) {
    for (const host of [fs.dnsName, fs.windows.preferredFileServerIp]) {
      const [smb, others] = routesOf(ctx, fn, from, fs, host);
      table[routeKey(host, SMB_PORT)] = smb;
      table[routeKey(host, "*")] = others;
    }
  }
  return table;
}

/** The routes of one host of `fs` from the instance's interface `from`: on 445, and on every other port. */
function routesOf(
  ctx: ServiceContext,
  fn: LambdaFunction,
  from: Endpoint | undefined,
  fs: FsxFileSystem,
  host: string,
): [Route, Route] {
  if (from === undefined) {
    const refused = { refused: notInVpcMessage(host, fs.fileSystemId, fs.vpcId) };
    return [refused, refused];
  }
  const vpcId = fn.vpcConfig?.vpcId ?? "";
  if (fs.vpcId !== vpcId) {
    const refused = { refused: otherVpcMessage(host, fs.fileSystemId, fs.vpcId, vpcId) };
    return [refused, refused];
  }
  // dialled by id, so an address another VPC also uses cannot pick the wrong file system
  const answer = smbEndpointFor(ctx, { from, host: fs.fileSystemId, port: SMB_PORT });
  const smb: Route = answer.ok
    ? { to: { host: answer.host, port: answer.port } }
    : { refused: answer.message };
  return [smb, { refused: unservedPortMessage(host, fs.fileSystemId) }];
}
