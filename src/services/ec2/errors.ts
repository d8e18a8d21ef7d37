/**
 * EC2 errors with their AWS identity: EC2's dotted codes
 * (`InvalidVpcID.NotFound`, `InvalidSubnet.Range`, …), all HTTP 400 as EC2
 * answers client faults, and EC2's own message wording. The protocol layer
 * renders them as EC2's `<Response><Errors>` XML.
 */
import { ServiceError } from "../service-error.js";

/** An error a client of the EC2 API can receive. */
export class Ec2Error extends ServiceError {}

const fault = (code: string, message: string) => new Ec2Error(code, 400, message);

/**
 * `InvalidParameterValue`: a parameter has a value EC2 does not accept.
 *
 * @example
 * invalidParameterValue("Value (10.0.0.0/33) for parameter cidrBlock is invalid. This is not a valid CIDR block.");
 */
export const invalidParameterValue = (message: string) => fault("InvalidParameterValue", message);
/** `MissingParameter`: a required parameter is absent. */
export const missingParameter = (name: string) =>
  fault("MissingParameter", `The request must contain the parameter ${name}`);
/** `InvalidVpcID.NotFound`. */
export const vpcNotFound = (id: string) =>
  fault("InvalidVpcID.NotFound", `The vpc ID '${id}' does not exist`);
/** `InvalidSubnetID.NotFound`. */
export const subnetNotFound = (id: string) =>
  fault("InvalidSubnetID.NotFound", `The subnet ID '${id}' does not exist`);
/** `InvalidGroup.NotFound`. */
export const groupNotFound = (id: string) =>
  fault("InvalidGroup.NotFound", `The security group '${id}' does not exist`);
/** `InvalidGroup.Duplicate`: the name is taken in that VPC. */
export const groupDuplicate = (name: string, vpcId: string) =>
  fault("InvalidGroup.Duplicate", `The security group '${name}' already exists for VPC '${vpcId}'`);
/** `InvalidSubnet.Range`: the subnet CIDR is not inside the VPC's, or not /16 to /28. */
export const subnetRange = (cidr: string) =>
  fault("InvalidSubnet.Range", `The CIDR '${cidr}' is invalid.`);
/** `InvalidVpc.Range`: the VPC block is not between /16 and /28. */
export const vpcRange = (cidr: string) =>
  fault(
    "InvalidVpc.Range",
    `The CIDR '${cidr}' is invalid. The block range must be between a /28 netmask and /16 netmask.`,
  );
/** `InvalidSubnet.Conflict`: the subnet CIDR overlaps another subnet of the VPC. */
export const subnetConflict = (cidr: string) =>
  fault("InvalidSubnet.Conflict", `The CIDR '${cidr}' conflicts with another subnet`);
/** `InvalidPermission.Duplicate`: the rule already exists. */
export const permissionDuplicate = (rule: string) =>
  fault("InvalidPermission.Duplicate", `the specified rule "${rule}" already exists`);
/** `InvalidPrefixListID.NotFound`. */
export const prefixListNotFound = (id: string) =>
  fault("InvalidPrefixListID.NotFound", `The prefix list ID '${id}' does not exist`);
/** `InvalidVpcEndpointId.NotFound`. */
export const vpcEndpointNotFound = (id: string) =>
  fault("InvalidVpcEndpointId.NotFound", `The Vpc Endpoint Id '${id}' does not exist`);
/** `InvalidSecurityGroupRuleId.NotFound`. */
export const ruleNotFound = (id: string) =>
  fault("InvalidSecurityGroupRuleId.NotFound", `The security group rule ID '${id}' does not exist`);
/** `InvalidServiceName`: no such endpoint service in this region. */
export const invalidServiceName = (name: string) =>
  fault("InvalidServiceName", `The Vpc Endpoint Service '${name}' does not exist`);
/** `InvalidPaginationToken`: a NextToken this server did not hand out. */
export const invalidPaginationToken = (token: string) =>
  fault("InvalidPaginationToken", `Invalid pagination token \`${token}\``);
/** `InvalidFilter`-style refusal, worded as EC2 does for an unknown filter name. */
export const invalidFilter = (name: string) =>
  fault("InvalidParameterValue", `The filter '${name}' is invalid`);
