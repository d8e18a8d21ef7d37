/**
 * The API action CloudFormation calls to delete each modelled resource
 * type, authorized for the deploying principal before the deletion
 * (rollback and DeleteStack), on the resource's ARN when its physical id
 * is one and on `*` otherwise. Types without an entry (placeholders,
 * custom resources, Lambda permissions kept only as records) need none.
 */

const DELETE_ACTIONS: Readonly<Record<string, string>> = {
  "AWS::IAM::Role": "iam:DeleteRole",
  "AWS::IAM::Policy": "iam:DeleteRolePolicy",
  "AWS::IAM::ManagedPolicy": "iam:DeletePolicy",
  "AWS::EC2::VPC": "ec2:DeleteVpc",
  "AWS::EC2::Subnet": "ec2:DeleteSubnet",
  "AWS::EC2::SecurityGroup": "ec2:DeleteSecurityGroup",
  "AWS::EC2::SecurityGroupIngress": "ec2:RevokeSecurityGroupIngress",
  "AWS::EC2::SecurityGroupEgress": "ec2:RevokeSecurityGroupEgress",
  "AWS::EC2::PrefixList": "ec2:DeleteManagedPrefixList",
  "AWS::EC2::VPCEndpoint": "ec2:DeleteVpcEndpoints",
  "AWS::EFS::FileSystem": "elasticfilesystem:DeleteFileSystem",
  "AWS::EFS::MountTarget": "elasticfilesystem:DeleteMountTarget",
  "AWS::EFS::AccessPoint": "elasticfilesystem:DeleteAccessPoint",
  "AWS::SecretsManager::Secret": "secretsmanager:DeleteSecret",
  "AWS::SecretsManager::ResourcePolicy": "secretsmanager:DeleteResourcePolicy",
  "AWS::Lambda::Function": "lambda:DeleteFunction",
};

/**
 * The action and resource to authorize before deleting a resource, if any.
 *
 * @example
 * deleteAsk("AWS::IAM::Role", "app-Role-ABC"); // { action: "iam:DeleteRole", resource: "*" }
 */
export function deleteAsk(
  type: string,
  physicalId: string,
): { action: string; resource: string } | undefined {
  const action = Object.hasOwn(DELETE_ACTIONS, type) ? DELETE_ACTIONS[type] : undefined;
  if (action === undefined) return undefined;
  return { action, resource: physicalId.startsWith("arn:") ? physicalId : "*" };
}
