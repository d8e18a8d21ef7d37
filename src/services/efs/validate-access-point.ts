/**
 * Input rules of CreateAccessPoint (aws-facts A1, A4, A5): id ranges of
 * PosixUser, the RootDirectory path pattern and its limits, and complete
 * CreationInfo. Errors are EFS `BadRequest`s naming the field.
 */
import { badRequest, type EfsError } from "./errors.js";
import type { PosixUser, RootDirectory } from "./model.js";

const MAX_ID = 4_294_967_295;
const PATH_PATTERN = /^(\/|(\/(?!\.)+[^$#<>;`|&?{}^*/\n]+){1,4})$/;

/**
 * Returns the first problem with an access point's POSIX user and root
 * directory, or undefined when they are valid.
 *
 * @example
 * checkAccessPointInput({ uid: 1001, gid: 1001 }, { path: "/data" }); // undefined
 */
export function checkAccessPointInput(
  posixUser: PosixUser | undefined,
  root: RootDirectory,
): EfsError | undefined {
  if (posixUser) {
    for (const [field, value] of [
      ["PosixUser.Uid", posixUser.uid],
      ["PosixUser.Gid", posixUser.gid],
    ] as const) {
      if (!isId(value))
        return badRequest(`${field} must be an integer from 0 to ${MAX_ID}, found ${value}`);
    }
    const secondary = posixUser.secondaryGids ?? [];
    if (secondary.length > 16) return badRequest("PosixUser.SecondaryGids may hold at most 16 ids");
    const bad = secondary.find((g) => !isId(g));
    if (bad !== undefined)
      return badRequest(
        `PosixUser.SecondaryGids must hold integers from 0 to ${MAX_ID}, found ${bad}`,
      );
  }
  if (root.path.length < 1 || root.path.length > 100 || !PATH_PATTERN.test(root.path)) {
    return badRequest(
      `RootDirectory.Path \`${root.path}\` must be 1 to 100 characters, start with \`/\`, and have at most 4 subdirectories`,
    );
  }
  const info = root.creationInfo;
  if (info) {
    if (!isId(info.ownerUid))
      return badRequest(`CreationInfo.OwnerUid must be an integer from 0 to ${MAX_ID}`);
    if (!isId(info.ownerGid))
      return badRequest(`CreationInfo.OwnerGid must be an integer from 0 to ${MAX_ID}`);
    if (!/^[0-7]{3,4}$/.test(info.permissions))
      return badRequest(
        `CreationInfo.Permissions \`${info.permissions}\` must be 3 or 4 octal digits`,
      );
  }
  return undefined;
}

function isId(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_ID;
}
