/**
 * FSx behaviours accesslab could not confirm from AWS's documentation,
 * each as one named constant with the reasoning. Confirmed facts (id and
 * DNS name shapes, throughput values, storage ranges) live next to the
 * code that uses them.
 */

/**
 * HTTP status of FSx's `AccessDeniedException`. UNCONFIRMED: the JSON 1.1
 * services accesslab knows (Secrets Manager, ECS) answer 400; FSx's model
 * does not declare the error, so the same is assumed.
 */
export const FSX_DENIED_STATUS = 400;

/**
 * Windows file systems per account and region before `ServiceLimitExceeded`
 * (`FILE_SYSTEM_COUNT`). UNCONFIRMED: the FSx quotas page lists 100 as the
 * default for file systems per account; accesslab applies it to Windows.
 */
export const WINDOWS_FILE_SYSTEM_QUOTA = 100;

/**
 * The IAM action that authorizes accesslab's stand-in for
 * `Set-FSxSmbServerConfiguration`. On AWS that cmdlet runs over remote
 * PowerShell and is authorized by the file system's administrators group,
 * not IAM; accesslab asks for `fsx:UpdateFileSystem`, the IAM action that
 * changes a file system's configuration (an accesslab choice).
 */
export const SET_SMB_CONFIGURATION_ACTION = "fsx:UpdateFileSystem";

/**
 * The tag that sets the SMB server's encryption when a file system is
 * created (`required`, `desired` or `off`), so a template can ask for what
 * an administrator would set later with `Set-FSxSmbServerConfiguration`
 * (CloudFormation cannot run the cmdlet). An accesslab convention, not AWS's.
 */
export const SMB_ENCRYPTION_TAG = "accesslab:smb-encryption";

/**
 * How many network interfaces FSx creates per file system: one per subnet
 * (one for Single-AZ, two for Multi-AZ). UNCONFIRMED: AWS documents the
 * interfaces but not their count per deployment type.
 */
export const INTERFACES_PER_SUBNET = 1;
