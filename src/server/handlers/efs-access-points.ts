/**
 * The EFS access point operations over rest-json: CreateAccessPoint
 * (ClientToken idempotency; PosixUser, RootDirectory with CreationInfo,
 * Tags), DescribeAccessPoints (by FileSystemId or AccessPointId, at most
 * one; MaxResults/NextToken pages) and DeleteAccessPoint (204).
 */
import { DEFAULT_PAGE_SIZE } from "../../services/efs/assumptions.js";
import type { EfsContext } from "../../services/efs/context.js";
import {
  createAccessPoint,
  deleteAccessPoint,
  getAccessPoint,
  getFileSystem,
  listAccessPoints,
} from "../../services/efs/control-plane.js";
import { badRequest } from "../../services/efs/errors.js";
import type { PosixUser, RootDirectory } from "../../services/efs/model.js";
import { pageOf } from "../../services/efs/pagination.js";
import { accessPointAsk, anyResourceAsk, fileSystemAsk, requestTagContext } from "./efs-access.js";
import {
  bodyInteger,
  bodyObject,
  bodyTags,
  bodyText,
  efsId,
  pageSize,
  queryText,
  requiredText,
} from "./efs-input.js";
import { accessPointDescription } from "./efs-shapes.js";
import { guarded } from "./handler.js";
import type { RestOperation } from "./rest-binding.js";

const ID_MAX = 4_294_967_295;

/**
 * The wire `PosixUser` as the model's, or BadRequest.
 *
 * @example
 * posixUserOf({ PosixUser: { Uid: 1000, Gid: 1000 } }); // { uid: 1000, gid: 1000 }
 */
export function posixUserOf(body: Readonly<Record<string, unknown>>): PosixUser | undefined {
  const raw = bodyObject(body, "PosixUser");
  if (raw === undefined) return undefined;
  const uid = bodyInteger(raw, "Uid", 0, ID_MAX);
  const gid = bodyInteger(raw, "Gid", 0, ID_MAX);
  if (uid === undefined || gid === undefined) throw badRequest("PosixUser needs Uid and Gid");
  const secondary = raw.SecondaryGids;
  if (secondary === undefined || secondary === null) return { uid, gid };
  if (
    !Array.isArray(secondary) ||
    secondary.length > 16 ||
    secondary.some((g) => !Number.isInteger(g) || g < 0 || g > ID_MAX)
  )
    throw badRequest(`SecondaryGids must be at most 16 integers from 0 to ${ID_MAX}`);
  return { uid, gid, secondaryGids: secondary as number[] };
}

/**
 * The wire `RootDirectory` as the model's, or BadRequest.
 *
 * @example
 * rootDirectoryOf({ RootDirectory: { Path: "/data" } }); // { path: "/data" }
 */
export function rootDirectoryOf(
  body: Readonly<Record<string, unknown>>,
): RootDirectory | undefined {
  const raw = bodyObject(body, "RootDirectory");
  if (raw === undefined) return undefined;
  const path = bodyText(raw, "Path") ?? "/";
  const info = bodyObject(raw, "CreationInfo");
  if (info === undefined) return { path };
  const ownerUid = bodyInteger(info, "OwnerUid", 0, ID_MAX);
  const ownerGid = bodyInteger(info, "OwnerGid", 0, ID_MAX);
  const permissions = bodyText(info, "Permissions");
  if (ownerUid === undefined || ownerGid === undefined || permissions === undefined)
    throw badRequest("CreationInfo needs OwnerUid, OwnerGid and Permissions");
  return { path, creationInfo: { ownerUid, ownerGid, permissions } };
}

function describeAsk(ctx: EfsContext, fsId: string | undefined, apId: string | undefined) {
  if (apId !== undefined) return accessPointAsk(ctx, "DescribeAccessPoints", apId);
  if (fsId !== undefined) return fileSystemAsk(ctx, "DescribeAccessPoints", fsId);
  return anyResourceAsk("DescribeAccessPoints");
}

/**
 * The access point operations.
 *
 * @example
 * restBinding([...ACCESS_POINT_OPERATIONS], accessDenied);
 */
export const ACCESS_POINT_OPERATIONS: readonly RestOperation[] = [
  {
    name: "CreateAccessPoint",
    method: "POST",
    path: "/2015-02-01/access-points",
    plan(ctx, { body }) {
      const fileSystemId = efsId("fs", requiredText(body, "FileSystemId"), "fileSystemId");
      const tags = bodyTags(body);
      const posixUser = posixUserOf(body);
      const rootDirectory = rootDirectoryOf(body);
      const clientToken = bodyText(body, "ClientToken");
      const input = {
        fileSystemId,
        tags,
        ...(posixUser ? { posixUser } : {}),
        ...(rootDirectory ? { rootDirectory } : {}),
        ...(clientToken !== undefined ? { clientToken } : {}),
      };
      const ask = fileSystemAsk(ctx, "CreateAccessPoint", fileSystemId, requestTagContext(tags));
      return guarded(ask, () => accessPointDescription(createAccessPoint(ctx, input)));
    },
  },
  {
    name: "DescribeAccessPoints",
    method: "GET",
    path: "/2015-02-01/access-points",
    plan(ctx, input) {
      const max = pageSize(input, "MaxResults", DEFAULT_PAGE_SIZE.accessPoints);
      const token = queryText(input, "NextToken");
      const fsText = queryText(input, "FileSystemId");
      const apText = queryText(input, "AccessPointId");
      if (fsText !== undefined && apText !== undefined)
        throw badRequest("give FileSystemId or AccessPointId, not both");
      const fsId = fsText === undefined ? undefined : efsId("fs", fsText, "fileSystemId");
      const apId = apText === undefined ? undefined : efsId("fsap", apText, "accessPointId");
      return guarded(describeAsk(ctx, fsId, apId), () => {
        const all =
          apId !== undefined
            ? [getAccessPoint(ctx, apId)]
            : listAccessPoints(
                ctx,
                fsId === undefined ? undefined : getFileSystem(ctx, fsId).fileSystemId,
              );
        const page = pageOf(all, (ap) => ap.accessPointId, token, max);
        return {
          AccessPoints: page.items.map(accessPointDescription),
          ...(page.next !== undefined ? { NextToken: page.next } : {}),
        };
      });
    },
  },
  {
    name: "DeleteAccessPoint",
    method: "DELETE",
    path: "/2015-02-01/access-points/{AccessPointId}",
    status: 204,
    plan(ctx, { labels }) {
      const id = efsId("fsap", labels.AccessPointId ?? "", "accessPointId");
      return guarded(accessPointAsk(ctx, "DeleteAccessPoint", id), () => {
        deleteAccessPoint(ctx, id);
        return undefined;
      });
    },
  },
];
