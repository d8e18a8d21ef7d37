/**
 * EFS errors with their AWS identity (code, HTTP status, who is at fault),
 * declared once here and rendered by the protocol layer. Services return or
 * throw these; anything else becomes InternalFailure.
 */
import { ServiceError } from "../service-error.js";

/** An error a client of the EFS API can receive. */
export class EfsError extends ServiceError {}

/** `BadRequest` (400): a parameter is missing or invalid. */
export const badRequest = (message: string) => new EfsError("BadRequest", 400, message);
/** `FileSystemNotFound` (404). */
export const fileSystemNotFound = (id: string) =>
  new EfsError("FileSystemNotFound", 404, `File system '${id}' does not exist.`);
/** `AccessPointNotFound` (404). */
export const accessPointNotFound = (id: string) =>
  new EfsError("AccessPointNotFound", 404, `Access point '${id}' does not exist.`);
/** `FileSystemAlreadyExists` (409): same creation token; the shape carries `FileSystemId`. */
export const fileSystemAlreadyExists = (id: string) =>
  new EfsError(
    "FileSystemAlreadyExists",
    409,
    `File system '${id}' already exists with the same creation token.`,
    undefined,
    { FileSystemId: id },
  );
/** `AccessPointLimitExceeded` (403): more than 10,000 access points on one file system (aws-facts A11). */
export const accessPointLimitExceeded = (id: string) =>
  new EfsError(
    "AccessPointLimitExceeded",
    403,
    `You have reached the maximum number of access points for file system '${id}'.`,
  );
/** `FileSystemInUse` (409): deleting a file system that still has access points. */
export const fileSystemInUse = (id: string) =>
  new EfsError("FileSystemInUse", 409, `File system '${id}' has access points or mount targets.`);
/** `PolicyNotFound` (404): DescribeFileSystemPolicy while the default policy is in effect. */
export const policyNotFound = (id: string) =>
  new EfsError("PolicyNotFound", 404, `File system '${id}' does not have a file system policy.`);
/** `InvalidPolicyException` (400): a file system policy that does not parse or validate. */
export const invalidPolicy = (message: string) =>
  new EfsError("InvalidPolicyException", 400, message);
/** `ValidationException` (400): a request shape EFS's front door refuses (e.g. a malformed id). */
export const validationException = (message: string) =>
  new EfsError("ValidationException", 400, message);
/** `AccessDeniedException` (403): the policy engine refused the call. */
export const accessDenied = (message: string) =>
  new EfsError("AccessDeniedException", 403, message);
/** `AccessPointAlreadyExists` (409): a ClientToken reused with different parameters; carries `AccessPointId`. */
export const accessPointAlreadyExists = (id: string) =>
  new EfsError(
    "AccessPointAlreadyExists",
    409,
    `Access point '${id}' already exists with the same client token.`,
    undefined,
    { AccessPointId: id },
  );
/** `MountTargetNotFound` (404). */
export const mountTargetNotFound = (id: string) =>
  new EfsError("MountTargetNotFound", 404, `Mount target '${id}' does not exist.`);
/** `MountTargetConflict` (409): the mount target would break the file system's VPC/AZ rules. */
export const mountTargetConflict = (message: string) =>
  new EfsError("MountTargetConflict", 409, message);
/** `SubnetNotFound` (400). */
export const subnetNotFound = (id: string) =>
  new EfsError("SubnetNotFound", 400, `The subnet ID '${id}' does not exist`);
/** `SecurityGroupNotFound` (400): unknown, or not in the subnet's VPC. */
export const securityGroupNotFound = (id: string, vpcId: string) =>
  new EfsError(
    "SecurityGroupNotFound",
    400,
    `The security group '${id}' does not exist in VPC '${vpcId}'`,
  );
/** `SecurityGroupLimitExceeded` (400): more than five security groups on a mount target. */
export const securityGroupLimitExceeded = (limit: number) =>
  new EfsError(
    "SecurityGroupLimitExceeded",
    400,
    `a mount target can have at most ${limit} security groups`,
  );
/** `IpAddressInUse` (409): the requested address is taken in the subnet. */
export const ipAddressInUse = (ip: string) =>
  new EfsError("IpAddressInUse", 409, `IP address '${ip}' is already in use in the subnet`);
/** `NoFreeAddressesInSubnet` (409). */
export const noFreeAddressesInSubnet = (subnetId: string) =>
  new EfsError(
    "NoFreeAddressesInSubnet",
    409,
    `subnet '${subnetId}' has no free IP addresses for a mount target`,
  );
