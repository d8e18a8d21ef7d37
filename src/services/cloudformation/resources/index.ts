/**
 * The resource handlers by CloudFormation type. Custom resources
 * (`AWS::CloudFormation::CustomResource`, `Custom::*`) share one handler;
 * any other type gets a placeholder that warns.
 */
import type { ResourceHandler } from "../resource-handler.js";
import { EC2_VPC_ENDPOINT } from "./ec2-endpoint.js";
import { EC2_SUBNET, EC2_VPC } from "./ec2-network.js";
import { EC2_PREFIX_LIST } from "./ec2-prefix-list.js";
import { ec2RuleHandler } from "./ec2-rule.js";
import { EC2_SECURITY_GROUP } from "./ec2-security-group.js";
import { EFS_ACCESS_POINT } from "./efs-access-point.js";
import { EFS_FILE_SYSTEM } from "./efs-file-system.js";
import { EFS_MOUNT_TARGET } from "./efs-mount-target.js";
import { FSX_FILE_SYSTEM } from "./fsx-file-system.js";
import { IAM_MANAGED_POLICY } from "./iam-managed-policy.js";
import { IAM_POLICY } from "./iam-policy.js";
import { IAM_ROLE } from "./iam-role.js";
import { LAMBDA_FUNCTION } from "./lambda-function.js";
import { CUSTOM_RESOURCE, LAMBDA_PERMISSION, placeholderHandler } from "./placeholders.js";
import { SECRET } from "./secret.js";
import { SECRET_POLICY } from "./secret-policy.js";

const HANDLERS: Readonly<Record<string, ResourceHandler>> = {
  "AWS::IAM::Role": IAM_ROLE,
  "AWS::IAM::Policy": IAM_POLICY,
  "AWS::IAM::ManagedPolicy": IAM_MANAGED_POLICY,
  "AWS::EC2::VPC": EC2_VPC,
  "AWS::EC2::Subnet": EC2_SUBNET,
  "AWS::EC2::SecurityGroup": EC2_SECURITY_GROUP,
  "AWS::EC2::SecurityGroupIngress": ec2RuleHandler("ingress"),
  "AWS::EC2::SecurityGroupEgress": ec2RuleHandler("egress"),
  "AWS::EC2::PrefixList": EC2_PREFIX_LIST,
  "AWS::EC2::VPCEndpoint": EC2_VPC_ENDPOINT,
  "AWS::EFS::FileSystem": EFS_FILE_SYSTEM,
  "AWS::EFS::MountTarget": EFS_MOUNT_TARGET,
  "AWS::EFS::AccessPoint": EFS_ACCESS_POINT,
  "AWS::FSx::FileSystem": FSX_FILE_SYSTEM,
  "AWS::SecretsManager::Secret": SECRET,
  "AWS::SecretsManager::ResourcePolicy": SECRET_POLICY,
  "AWS::Lambda::Function": LAMBDA_FUNCTION,
  "AWS::Lambda::Permission": LAMBDA_PERMISSION,
  "AWS::CloudFormation::CustomResource": CUSTOM_RESOURCE,
};

/**
 * The handler for a resource type.
 *
 * @example
 * handlerFor("Custom::S3") === handlerFor("AWS::CloudFormation::CustomResource"); // true
 */
export function handlerFor(type: string): ResourceHandler {
  if (type.startsWith("Custom::")) return CUSTOM_RESOURCE;
  return Object.hasOwn(HANDLERS, type)
    ? (HANDLERS[type] as ResourceHandler)
    : placeholderHandler(type);
}
