/**
 * How the local runtime routes a function's TCP connections to FSx file
 * servers where AWS's behaviour cannot be reproduced or is not documented,
 * each as one named constant: the variable through which the serve process
 * hands an instance its route table, and the refusals for a function
 * outside a VPC, a file system in another VPC and a port accesslab does
 * not serve. Where AWS's network would silently drop the packets (the
 * connection times out), accesslab refuses at once with the reason, as
 * `smbEndpointFor` and `BLOCKED_ENDPOINT_URL` do.
 */

/**
 * The environment variable through which the init hook hands an instance
 * its route table (JSON, `route-table.ts`). The preload removes it before
 * the handler loads.
 */
export const ROUTES_VARIABLE = "ACCESSLAB_VPC_ROUTES";

/**
 * The error code of every refused route, as Node reports a refused TCP
 * connect. A deliberate difference: on AWS the packets are dropped and the
 * client sees a timeout (`ETIMEDOUT`) after its own connect timeout.
 */
export const REFUSED_CODE = "ECONNREFUSED";

/**
 * Why a function outside a VPC cannot reach a file system. UNCONFIRMED in
 * detail: such a function's traffic leaves through Lambda's own network,
 * where a VPC's private addresses are not routed (the connection times
 * out) and a self-managed directory's DNS names usually do not resolve
 * (`ENOTFOUND`); accesslab answers both with one refusal that names the
 * cause.
 *
 * @example
 * notInVpcMessage("10.0.1.4", "fs-0123456789abcdef0", "vpc-0123456789abcdef0");
 * // "the function is not attached to a VPC, so `10.0.1.4` (`fs-…`, in `vpc-…`) is out of its reach; on AWS this times out"
 */
export const notInVpcMessage = (host: string, fileSystemId: string, vpcId: string) =>
  `the function is not attached to a VPC, so \`${host}\` (\`${fileSystemId}\`, in \`${vpcId}\`) is out of its reach; on AWS this times out`;

/**
 * Why a VPC function cannot reach a file system in another VPC. accesslab
 * models no VPC peering or transit gateway, so another VPC's private
 * addresses are never routed (on AWS, without either, this times out).
 *
 * @example
 * otherVpcMessage("10.1.1.4", "fs-0123456789abcdef0", "vpc-b", "vpc-a");
 */
export const otherVpcMessage = (
  host: string,
  fileSystemId: string,
  fileSystemVpcId: string,
  functionVpcId: string,
) =>
  `\`${host}\` (\`${fileSystemId}\`) is in \`${fileSystemVpcId}\`, not in the function's VPC \`${functionVpcId}\`, and accesslab models no peering; on AWS this times out`;

/**
 * Why a port of a file server other than SMB's is refused: accesslab
 * serves only SMB (TCP 445) for a file system (FSx also listens on WinRM,
 * 5985, and the directory ports, which accesslab does not emulate), and a
 * connection to a private address must never leave this machine.
 *
 * @example
 * unservedPortMessage("10.0.1.4", "fs-0123456789abcdef0");
 */
export const unservedPortMessage = (host: string, fileSystemId: string) =>
  `accesslab serves only SMB (TCP 445) for \`${fileSystemId}\`; other ports of \`${host}\` are not emulated`;
