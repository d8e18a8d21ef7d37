/**
 * IAM resources as the IAM API's XML shapes (`Role`, `User`, `Policy`,
 * `PolicyVersion`, `AccessKey`, `Tag`), member names as the SDK reads them.
 * Dates become `Date`s (rendered ISO 8601); policy documents are returned
 * URL-encoded (RFC 3986), as IAM does, so clients decode them exactly as
 * they would AWS's.
 */
import type {
  AccessKey,
  ManagedPolicy,
  PolicyVersion,
  Role,
  Tag,
  User,
} from "../../services/iam/model.js";
import type { Page } from "../../services/iam/pagination.js";

/**
 * A policy document as IAM returns it: percent-encoded per RFC 3986.
 *
 * @example
 * encodeDocument('{"a":1}'); // "%7B%22a%22%3A1%7D"
 */
export function encodeDocument(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const tagShapes = (tags: readonly Tag[]) =>
  tags.length === 0 ? undefined : tags.map((t) => ({ Key: t.key, Value: t.value }));

const boundaryShape = (arn: string | undefined) =>
  arn === undefined
    ? undefined
    : { PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: arn };

/**
 * The `Role` shape.
 *
 * @example
 * roleShape(role).Arn; // "arn:aws:iam::000000000000:role/app"
 */
export function roleShape(role: Role) {
  return {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: new Date(role.createDate),
    AssumeRolePolicyDocument: encodeDocument(role.assumeRolePolicyDocument),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    PermissionsBoundary: boundaryShape(role.permissionsBoundaryArn),
    Tags: tagShapes(role.tags),
  };
}

/**
 * The `User` shape.
 *
 * @example
 * userShape(user).UserName; // "alice"
 */
export function userShape(user: User) {
  return {
    Path: user.path,
    UserName: user.userName,
    UserId: user.userId,
    Arn: user.arn,
    CreateDate: new Date(user.createDate),
    PermissionsBoundary: boundaryShape(user.permissionsBoundaryArn),
    Tags: tagShapes(user.tags),
  };
}

/**
 * The `Policy` shape (counts present for GetPolicy, zero for CreatePolicy).
 *
 * @example
 * policyShape(policy).DefaultVersionId; // "v1"
 */
export function policyShape(
  policy: ManagedPolicy & { attachmentCount?: number; permissionsBoundaryUsageCount?: number },
) {
  return {
    PolicyName: policy.policyName,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: policy.attachmentCount ?? 0,
    PermissionsBoundaryUsageCount: policy.permissionsBoundaryUsageCount ?? 0,
    IsAttachable: true,
    Description: policy.description,
    CreateDate: new Date(policy.createDate),
    UpdateDate: new Date(policy.updateDate),
    Tags: tagShapes(policy.tags),
  };
}

/**
 * The `PolicyVersion` shape.
 *
 * @example
 * policyVersionShape(version).VersionId; // "v1"
 */
export function policyVersionShape(version: PolicyVersion) {
  return {
    Document: encodeDocument(version.document),
    VersionId: version.versionId,
    IsDefaultVersion: version.isDefaultVersion,
    CreateDate: new Date(version.createDate),
  };
}

/**
 * The `AccessKey` shape, secret included (CreateAccessKey only).
 *
 * @example
 * accessKeyShape(key).Status; // "Active"
 */
export function accessKeyShape(key: AccessKey) {
  return {
    UserName: key.userName,
    AccessKeyId: key.accessKeyId,
    Status: key.status,
    SecretAccessKey: key.secretAccessKey,
    CreateDate: new Date(key.createDate),
  };
}

/**
 * The `IsTruncated` / `Marker` members of a list answer.
 *
 * @example
 * ({ Roles: page.items.map(roleShape), ...pageShape(page) });
 */
export function pageShape(page: Page<unknown>) {
  return { IsTruncated: page.isTruncated, Marker: page.marker };
}
