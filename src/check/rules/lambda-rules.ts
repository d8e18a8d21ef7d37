/**
 * Rules about Lambda functions that mount EFS through FileSystemConfigs
 * (seeds-digest section 1, aws-facts C): the network path to a mount
 * target, the IAM mount as the execution role over TLS, the creation of
 * the access point's root directory, then a write and a read at the mount
 * root as the identity EFS sees. Each is a probe that does what Lambda
 * would do when the function starts.
 */
import type { RuleDefinition } from "../rule.js";

/**
 * The Lambda rules.
 *
 * @example
 * LAMBDA_RULES.map((r) => r.id).includes("lambda-efs-write-denied"); // true
 */
export const LAMBDA_RULES: readonly RuleDefinition[] = [
  {
    id: "lambda-efs-no-vpc",
    area: "lambda",
    severity: "error",
    title: "function {function} mounts EFS but is not connected to a VPC",
    explanation:
      "Lambda reaches EFS mount targets only through network interfaces in your VPC: a function with FileSystemConfigs needs a VpcConfig with subnets and security groups in the VPC of {fileSystem}. {function} has none, so Lambda does not accept the configuration and the stack fails.",
    fix: "Add VpcConfig to {function} with subnets in the VPC of {fileSystem} (one in each Availability Zone that has a mount target) and a security group allowed to reach the mount targets on TCP 2049, and give its execution role AWSLambdaVPCAccessExecutionRole.",
  },
  {
    id: "lambda-efs-no-mount-target",
    area: "lambda",
    severity: "error",
    title: "function {function} can run in {az}, where {fileSystem} has no mount target",
    explanation:
      'Lambda connects to the mount target in the Availability Zone of the network interface it uses. Subnet {subnet} of {function} is in {az} and {fileSystem} has no mount target there, so every instance started in that subnet fails with EFSMountConnectivityException: "The function couldn\'t connect to the Amazon EFS file system with access point arn:.... Check your network configuration and try again."',
    fix: "Add an AWS::EFS::MountTarget for {fileSystem} in a subnet of {az}, or remove {subnet} from the VpcConfig of {function}.",
  },
  {
    id: "lambda-efs-nfs-blocked",
    area: "lambda",
    severity: "error",
    title: "security groups block NFS (TCP 2049) from function {function} to {fileSystem}",
    explanation:
      "NFS needs an egress rule for TCP 2049 from the function's security groups to the mount target and an ingress rule for TCP 2049 on the mount target's security groups from the function; security groups are stateful, so replies need nothing more. Here {reason}, so the connection never opens and {function} fails with EFSMountConnectivityException (\"The function couldn't connect to the Amazon EFS file system ... Check your network configuration and try again.\").",
    fix: "Allow egress TCP 2049 from the security group of {function} to the mount targets' security group, and ingress TCP 2049 on the mount targets' security group from the function's security group (AWS::EC2::SecurityGroupEgress with DestinationSecurityGroupId, AWS::EC2::SecurityGroupIngress with SourceSecurityGroupId).",
  },
  {
    id: "lambda-efs-mount-denied",
    area: "lambda",
    severity: "error",
    title: "{fileSystem} refuses the mount for the execution role of function {function}",
    explanation:
      "Lambda mounts over TLS with IAM authorization, as the execution role {role}. {fileSystem} has a file system policy, so {role} needs `elasticfilesystem:ClientMount` (plus ClientWrite to write, and ClientRootAccess when the access point's PosixUser has uid or gid 0) from its identity policies or from the file system policy; an explicit Deny in either wins. The decision was Deny, so every instance of {function} fails to start with EFSMountFailureException (403).",
    fix: "Grant {role} `elasticfilesystem:ClientMount` and `elasticfilesystem:ClientWrite` on {fileSystem} (the managed policy AmazonElasticFileSystemClientReadWriteAccess or the SAM policy template EFSWriteAccessPolicy), or name it in an Allow statement of the file system policy; add ClientRootAccess only if the access point really must act as root.",
  },
  {
    id: "lambda-efs-root-directory-missing",
    area: "lambda",
    severity: "error",
    title:
      "function {function} cannot mount: root directory `{path}` of {accessPoint} does not exist",
    explanation:
      'When {function} first mounts {fileSystem} through {accessPoint}, `{path}` does not exist, and {accessPoint} has no RootDirectory.CreationInfo, so EFS does not create it and the mount fails (the field report saw "The function couldn\'t mount the Amazon EFS file system with access point arn:..."). Lambda does not document which error type it returns for this case; EFSMountFailureException is the likely one.',
    fix: 'Add RootDirectory.CreationInfo to {accessPoint} (OwnerUid and OwnerGid equal to its PosixUser, Permissions "750" or "770"), or make sure `{path}` exists before {function} runs.',
  },
  {
    id: "lambda-efs-write-denied",
    area: "lambda",
    severity: "error",
    title: "function {function} cannot create files in {mountPath}",
    explanation:
      "The write probe created a file at the mount root {mountPath} as {identity}, the identity EFS sees for {function} (the PosixUser of {accessPoint}, or the Lambda sandbox user when the access point has none), and got `Permission denied`: the root directory `{path}` is {ownerUid}:{ownerGid} mode {mode}, which gives that identity no write and execute permission. The function returns an error on its first write.",
    fix: 'Give {accessPoint} a PosixUser equal to the directory\'s owner ({ownerUid}:{ownerGid}) or a member of its group with write permission; for a new directory, use CreationInfo owned by the PosixUser with Permissions "770" (or "777" when other users must write too). If {function} only reads, suppress this finding with that reason.',
  },
  {
    id: "lambda-efs-read-denied",
    area: "lambda",
    severity: "error",
    title: "function {function} cannot read {mountPath}",
    explanation:
      "The read probe listed the mount root {mountPath} as {identity}, the identity EFS sees for {function} (the PosixUser of {accessPoint}, or the Lambda sandbox user when the access point has none), and got `Permission denied`: the root directory `{path}` is {ownerUid}:{ownerGid} mode {mode}, which gives that identity no read permission.",
    fix: 'Give {accessPoint} a PosixUser equal to the directory\'s owner ({ownerUid}:{ownerGid}) or a member of its group, and use Permissions that let it read ("750" or "740" for read-only use, "770" to read and write).',
  },
];
