/**
 * CloudFormation behaviours accesslab could not confirm from AWS's
 * documentation, each chosen as the most plausible and named once here so
 * a later correction is one edit.
 */

/**
 * The session name CloudFormation uses when it assumes a stack's service
 * role. AWS's CloudTrail records show `AWSCloudFormation`; the exact value
 * is not in the API reference.
 *
 * @example
 * SERVICE_ROLE_SESSION_NAME; // "AWSCloudFormation"
 */
export const SERVICE_ROLE_SESSION_NAME = "AWSCloudFormation";

/**
 * The `ResourceStatusReason` of resources that were never started because
 * an earlier one failed. AWS's console shows "Resource creation cancelled";
 * accesslab creates one resource at a time, so no resource is in progress
 * when another fails and this reason is only used in the stack's own event.
 *
 * @example
 * ROLLBACK_REASON("Role"); // "The following resource(s) failed to create: [Role]. Rollback requested by user."
 */
export const ROLLBACK_REASON = (logicalId: string) =>
  `The following resource(s) failed to create: [${logicalId}]. Rollback requested by user.`;

/**
 * How long a generated physical name's random suffix is (CloudFormation's
 * `stack-Logical-ABCDEF123456` names use 12 or 13 characters).
 *
 * @example
 * GENERATED_SUFFIX_LENGTH; // 12
 */
export const GENERATED_SUFFIX_LENGTH = 12;

/**
 * Whether deleting a stack's secret skips the recovery window. The
 * resource reference does not say; deleting at once lets a rolled back
 * stack be created again with the same secret name, as users expect.
 *
 * @example
 * SECRET_DELETION_FORCED; // true
 */
export const SECRET_DELETION_FORCED = true;

/**
 * The stack status reason when the stack itself fails before any resource
 * is created: an `Fn::ImportValue` of an export no stack has, or an export
 * name another stack already exports. Users report CreateStack ending in
 * `ROLLBACK_COMPLETE` with "No export named X found. Rollback requested by
 * user." (CreateChangeSet refuses the same template with a ValidationError
 * instead); that both checks run before the first resource is created is
 * accesslab's choice, unconfirmed.
 *
 * @example
 * STACK_FAILURE_REASON("No export named vpc found"); // "No export named vpc found. Rollback requested by user."
 */
export const STACK_FAILURE_REASON = (message: string) => `${message}. Rollback requested by user.`;

/**
 * Whether DeleteStack of a stack whose export another stack imports is
 * accepted and then ends `DELETE_FAILED` with "Export X cannot be deleted
 * as it is in use by Y", its resources untouched (as users report it in
 * the stack's events), rather than refused outright. Unconfirmed in the
 * API reference.
 *
 * @example
 * EXPORT_IN_USE_FAILS_DELETE; // true
 */
export const EXPORT_IN_USE_FAILS_DELETE = true;

/**
 * What a stack update does with a resource whose resolved properties
 * changed. AWS decides per property (no interruption, some interruption,
 * replacement) from each type's schema, which accesslab does not carry;
 * accesslab takes CloudFormation's `Replacement: True` path for every
 * modified resource: the new physical resource is created in dependency
 * order, the old one deleted during `UPDATE_COMPLETE_CLEANUP_IN_PROGRESS`
 * (so a failed update keeps the original). Types that exist once per
 * parent (an inline IAM policy, a secret's resource policy) are updated in
 * place instead (`Replacement: False`), since a replacement would delete
 * the very policy it just put. A custom-named resource cannot be replaced
 * (CloudFormation's own refusal, see errors.ts).
 *
 * @example
 * MODIFIED_RESOURCE_REPLACEMENT; // "True"
 */
export const MODIFIED_RESOURCE_REPLACEMENT = "True";

/**
 * The name property of each modelled type: a modified resource that keeps
 * the same explicit name cannot be replaced. Which types CloudFormation
 * treats as custom-named is per type; this list covers the modelled types
 * whose name is unique in the account or VPC.
 *
 * @example
 * CUSTOM_NAME_PROPERTIES["AWS::IAM::Role"]; // "RoleName"
 */
export const CUSTOM_NAME_PROPERTIES: Readonly<Record<string, string>> = {
  "AWS::IAM::Role": "RoleName",
  "AWS::IAM::ManagedPolicy": "ManagedPolicyName",
  "AWS::Lambda::Function": "FunctionName",
  "AWS::SecretsManager::Secret": "Name",
  "AWS::EC2::SecurityGroup": "GroupName",
  "AWS::S3::Bucket": "BucketName",
};

/**
 * Whether a change set counts a stack-level change (a new parameter value,
 * an output added, removed or changed) when no resource changes: AWS
 * updates outputs through a change set with an empty `Changes` list, so
 * such a change set is `CREATE_COMPLETE`, not "didn't contain changes".
 * Unconfirmed in the API reference.
 *
 * @example
 * STACK_LEVEL_CHANGES_COUNT; // true
 */
export const STACK_LEVEL_CHANGES_COUNT = true;

/**
 * CreateChangeSet of type CREATE for a stack that exists (and is not
 * `REVIEW_IN_PROGRESS`): a ValidationError in these words (as users quote
 * it; not in the API reference).
 *
 * @example
 * CHANGE_SET_STACK_EXISTS("app", "cs1"); // "Stack [app] already exists and cannot be created again with the changeSet [cs1]."
 */
export const CHANGE_SET_STACK_EXISTS = (stackName: string, changeSetName: string) =>
  `Stack [${stackName}] already exists and cannot be created again with the changeSet [${changeSetName}].`;

/**
 * What happens to a stack's change sets when one is executed: the user
 * guide says CloudFormation keeps change sets "until you update the
 * stack"; accesslab deletes the stack's other change sets and keeps the
 * executed one, `EXECUTE_COMPLETE` (or `EXECUTE_FAILED` when the stack
 * rolled back), so DescribeChangeSet of its id still answers.
 *
 * @example
 * EXECUTED_CHANGE_SET_KEPT; // true
 */
export const EXECUTED_CHANGE_SET_KEPT = true;
