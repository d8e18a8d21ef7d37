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
