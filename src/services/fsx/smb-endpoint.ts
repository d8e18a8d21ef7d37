/**
 * How a workload reaches a Windows file system's SMB server: it dials the
 * file system's DNS name, preferred file server address or id on TCP 445
 * (aws-facts F4); accesslab lets it through only if the emulated network
 * does (`canConnect`: the workload's security groups allow 445 out to the
 * server's address, directly, by group or through a prefix list, and the
 * server's groups allow 445 in from the workload), then answers the local
 * address of the server that stands for it (127.0.0.1 and the port its
 * `smbd` listens on, since a local process cannot own 445). On AWS a
 * refused connection times out; here it is refused at once, with reasons.
 */

import type { ServiceContext } from "../context.js";
import type { Endpoint } from "../ec2/reachability.js";
import { canConnect } from "../ec2/reachability.js";
import { findByHost } from "./lookup.js";

/** The SMB port clients dial (aws-facts F4). */
export const SMB_PORT = 445;

/** Where the workload's connection goes, or why it cannot. */
export type SmbEndpoint =
  | {
      readonly ok: true;
      readonly fileSystemId: string;
      /** The local address standing for `<host>:445`. */
      readonly host: string;
      readonly port: number;
      /** Why the network allowed it (one line per rule). */
      readonly reasons: readonly string[];
    }
  | { readonly ok: false; readonly message: string; readonly reasons: readonly string[] };

/** What the workload dials, from where. */
export interface SmbDial {
  /** The workload's interface (its security groups, subnet and address). */
  readonly from: Endpoint;
  /** A file system's DNS name, preferred file server address or id. */
  readonly host: string;
  /** 445 unless told otherwise. */
  readonly port?: number;
}

/**
 * Maps `host:445` to the local SMB server, if the network allows it.
 *
 * @example
 * smbEndpointFor(ctx, { from: { securityGroupIds: ["sg-lambda"], ip: "10.0.1.254" }, host: "10.0.1.4" });
 * // { ok: true, fileSystemId: "fs-…", host: "127.0.0.1", port: 40123, reasons: [ … ] }
 */
export function smbEndpointFor(ctx: ServiceContext, dial: SmbDial): SmbEndpoint {
  const port = dial.port ?? SMB_PORT;
  const fs = findByHost(ctx, dial.host);
  if (fs === undefined) {
    return refused(`no FSx file system answers at \`${dial.host}\``, []);
  }
  if (port !== SMB_PORT) {
    return refused(`\`${fs.fileSystemId}\` serves SMB on port ${SMB_PORT}, not ${port}`, []);
  }
  const reach = canConnect(ctx, {
    from: dial.from,
    to: {
      securityGroupIds: fs.securityGroupIds,
      subnetId: fs.windows.preferredSubnetId,
      ip: fs.windows.preferredFileServerIp,
    },
    protocol: "tcp",
    port,
  });
  if (!reach.allowed) {
    return refused(
      `connection refused by the network: ${fs.windows.preferredFileServerIp}:${port} (\`${fs.fileSystemId}\`): ${reach.reasons.filter((r) => r.startsWith("no ") || r.includes("does not exist")).join("; ")}; on AWS this times out`,
      reach.reasons,
    );
  }
  const local = ctx.smbServers?.address(fs.fileSystemId) ?? {
    ok: false as const,
    problem: "this accesslab runs no SMB servers (data access needs `accesslab serve`)",
  };
  if (!local.ok) {
    return refused(`\`${fs.fileSystemId}\` has no SMB server: ${local.problem}`, reach.reasons);
  }
  return {
    ok: true,
    fileSystemId: fs.fileSystemId,
    host: local.host,
    port: local.port,
    reasons: reach.reasons,
  };
}

function refused(message: string, reasons: readonly string[]): SmbEndpoint {
  return { ok: false, message, reasons };
}
