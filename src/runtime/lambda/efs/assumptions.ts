/**
 * How the local runtime mounts EFS for a function instance where AWS
 * documents no exact behaviour, each as one named constant: the messages
 * Lambda's troubleshooting guide quotes for a refused or unreachable mount,
 * and the variable through which the serve process tells the instance
 * where its file system bridge listens. Where an instance's network
 * interface sits is `services/lambda/instance-interface.ts`.
 */

/** NFS over TCP, the port EFS mount targets listen on (aws-facts C2). */
export const NFS_PORT = 2049;

/**
 * `EFSMountFailureException` (403), message as Lambda's troubleshooting
 * guide quotes it (aws-facts C6). Lambda answers it for a refused mount:
 * IAM denied, the access point or its file system gone, and (UNCONFIRMED,
 * aws-facts C7) an access point root that is missing without CreationInfo.
 *
 * @example
 * mountFailureMessage("arn:aws:elasticfilesystem:us-east-1:000000000000:access-point/fsap-0123456789abcdef0");
 * // "The function could not mount the EFS file system with access point arn:…"
 */
export const mountFailureMessage = (accessPointArn: string) =>
  `The function could not mount the EFS file system with access point ${accessPointArn}.`;

/**
 * `EFSMountConnectivityException` (408), message as Lambda's
 * troubleshooting guide quotes it (aws-facts C6): no mount target in the
 * instance's Availability Zone, or security groups that do not let NFS
 * (TCP 2049) through.
 *
 * @example
 * connectivityMessage("arn:…:access-point/fsap-0123456789abcdef0");
 * // "The function couldn't connect to the Amazon EFS file system with access point arn:…. Check your network configuration and try again."
 */
export const connectivityMessage = (accessPointArn: string) =>
  `The function couldn't connect to the Amazon EFS file system with access point ${accessPointArn}. Check your network configuration and try again.`;

/**
 * The environment variable through which the mount hook tells the
 * instance's `fs` preload where its bridge listens (JSON: port, secret,
 * mount paths). The preload removes it before the handler loads.
 */
export const BRIDGE_VARIABLE = "ACCESSLAB_EFS_BRIDGE";
