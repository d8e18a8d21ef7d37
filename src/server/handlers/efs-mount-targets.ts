/**
 * The EFS mount target operations over rest-json: CreateMountTarget,
 * DescribeMountTargets (by FileSystemId, MountTargetId or AccessPointId,
 * exactly one; Marker/NextMarker pages), DeleteMountTarget (204) and the
 * security groups of a mount target (Describe…/Modify…, the latter 204).
 * Each is authorized on the mount target's file system.
 */
import { DEFAULT_PAGE_SIZE } from "../../services/efs/assumptions.js";
import type { EfsContext } from "../../services/efs/context.js";
import { RECORD } from "../../services/efs/context.js";
import { getAccessPoint, getFileSystem } from "../../services/efs/control-plane.js";
import { badRequest } from "../../services/efs/errors.js";
import type { AccessPoint, MountTarget } from "../../services/efs/model.js";
import {
  createMountTarget,
  deleteMountTarget,
  getMountTarget,
  listMountTargets,
  modifyMountTargetSecurityGroups,
} from "../../services/efs/mount-targets.js";
import { pageOf } from "../../services/efs/pagination.js";
import { accessPointAsk, fileSystemAsk } from "./efs-access.js";
import { bodyText, bodyTextList, efsId, pageSize, queryText, requiredText } from "./efs-input.js";
import { mountTargetDescription } from "./efs-shapes.js";
import { type AccessAsk, guarded } from "./handler.js";
import type { RestInput, RestOperation } from "./rest-binding.js";

const SECURITY_GROUPS = "/2015-02-01/mount-targets/{MountTargetId}/security-groups";

/** The ask for an action on a mount target: on its file system, when it exists. */
function mountTargetAsk(ctx: EfsContext, operation: string, mountTargetId: string): AccessAsk {
  const mt = ctx.store.records.get<MountTarget>(RECORD.mountTarget, mountTargetId);
  return mt
    ? fileSystemAsk(ctx, operation, mt.fileSystemId)
    : { action: `elasticfilesystem:${operation}`, resource: "*" };
}

function mountTargetLabel(input: RestInput): string {
  return efsId("fsmt", input.labels.MountTargetId ?? "", "mountTargetId");
}

/** DescribeMountTargets: which mount targets, and what to authorize. */
function describeScope(
  ctx: EfsContext,
  input: RestInput,
): { ask: AccessAsk; list: () => MountTarget[] } {
  const fsText = queryText(input, "FileSystemId");
  const mtText = queryText(input, "MountTargetId");
  const apText = queryText(input, "AccessPointId");
  const given = [fsText, mtText, apText].filter((v) => v !== undefined).length;
  if (given !== 1)
    throw badRequest("exactly one of FileSystemId, MountTargetId or AccessPointId is required");
  const op = "DescribeMountTargets";
  if (fsText !== undefined) {
    const id = efsId("fs", fsText, "fileSystemId");
    return {
      ask: fileSystemAsk(ctx, op, id),
      list: () => listMountTargets(ctx, getFileSystem(ctx, id).fileSystemId),
    };
  }
  if (mtText !== undefined) {
    const id = efsId("fsmt", mtText, "mountTargetId");
    return { ask: mountTargetAsk(ctx, op, id), list: () => [getMountTarget(ctx, id)] };
  }
  const id = efsId("fsap", apText ?? "", "accessPointId");
  const ap = ctx.store.records.get<AccessPoint>(RECORD.accessPoint, id);
  return {
    ask: ap ? fileSystemAsk(ctx, op, ap.fileSystemId) : accessPointAsk(ctx, op, id),
    list: () => listMountTargets(ctx, getAccessPoint(ctx, id).fileSystemId),
  };
}

/**
 * The mount target operations.
 *
 * @example
 * restBinding([...MOUNT_TARGET_OPERATIONS], accessDenied);
 */
export const MOUNT_TARGET_OPERATIONS: readonly RestOperation[] = [
  {
    name: "CreateMountTarget",
    method: "POST",
    path: "/2015-02-01/mount-targets",
    plan(ctx, { body }) {
      const fileSystemId = efsId("fs", requiredText(body, "FileSystemId"), "fileSystemId");
      const subnetId = requiredText(body, "SubnetId");
      const ipAddress = bodyText(body, "IpAddress");
      const securityGroups = bodyTextList(body, "SecurityGroups");
      const addressType = bodyText(body, "IpAddressType") ?? "IPV4_ONLY";
      if (addressType !== "IPV4_ONLY" || bodyText(body, "Ipv6Address") !== undefined)
        throw badRequest("only IPv4 mount targets (IpAddressType `IPV4_ONLY`) are supported");
      const input = {
        fileSystemId,
        subnetId,
        ...(ipAddress !== undefined ? { ipAddress } : {}),
        ...(securityGroups !== undefined ? { securityGroups } : {}),
      };
      return guarded(fileSystemAsk(ctx, "CreateMountTarget", fileSystemId), () =>
        mountTargetDescription(createMountTarget(ctx, input)),
      );
    },
  },
  {
    name: "DescribeMountTargets",
    method: "GET",
    path: "/2015-02-01/mount-targets",
    plan(ctx, input) {
      const max = pageSize(input, "MaxItems", DEFAULT_PAGE_SIZE.mountTargets);
      const marker = queryText(input, "Marker");
      const scope = describeScope(ctx, input);
      return guarded(scope.ask, () => {
        const page = pageOf(scope.list(), (mt) => mt.mountTargetId, marker, max);
        return {
          ...(marker !== undefined ? { Marker: marker } : {}),
          MountTargets: page.items.map(mountTargetDescription),
          ...(page.next !== undefined ? { NextMarker: page.next } : {}),
        };
      });
    },
  },
  {
    name: "DeleteMountTarget",
    method: "DELETE",
    path: "/2015-02-01/mount-targets/{MountTargetId}",
    status: 204,
    plan(ctx, input) {
      const id = mountTargetLabel(input);
      return guarded(mountTargetAsk(ctx, "DeleteMountTarget", id), () => {
        deleteMountTarget(ctx, id);
        return undefined;
      });
    },
  },
  {
    name: "DescribeMountTargetSecurityGroups",
    method: "GET",
    path: SECURITY_GROUPS,
    plan(ctx, input) {
      const id = mountTargetLabel(input);
      return guarded(mountTargetAsk(ctx, "DescribeMountTargetSecurityGroups", id), () => ({
        SecurityGroups: [...getMountTarget(ctx, id).securityGroups],
      }));
    },
  },
  {
    name: "ModifyMountTargetSecurityGroups",
    method: "PUT",
    path: SECURITY_GROUPS,
    status: 204,
    plan(ctx, input) {
      const id = mountTargetLabel(input);
      const groups = bodyTextList(input.body, "SecurityGroups") ?? [];
      return guarded(mountTargetAsk(ctx, "ModifyMountTargetSecurityGroups", id), () => {
        modifyMountTargetSecurityGroups(ctx, id, groups);
        return undefined;
      });
    },
  },
];
