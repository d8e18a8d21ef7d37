/**
 * DescribeFileSystems: the file systems `FileSystemIds` names (every one
 * must exist, else `FileSystemNotFound`; at most 50), or all of them, in
 * id order, in pages of `MaxResults` (default 2147483647) with an opaque
 * `NextToken`.
 */
import type { ServiceContext } from "../context.js";
import { badRequest } from "./errors.js";
import { type Input, optionalInteger, optionalString, optionalStrings } from "./input.js";
import { getFileSystem } from "./lookup.js";
import { FSX_RECORD, type FsxFileSystem } from "./model.js";
import { fileSystemShape } from "./shapes.js";

/** A checked DescribeFileSystems request. */
export interface DescribeRequest {
  readonly ids?: readonly string[];
  readonly max: number;
  readonly start: number;
}

/**
 * Reads DescribeFileSystems' input.
 *
 * @example
 * readDescribeRequest({ MaxResults: 1 }).max; // 1
 */
export function readDescribeRequest(input: Input): DescribeRequest {
  const ids = optionalStrings(input, "FileSystemIds", 50);
  const token = optionalString(input, "NextToken", 1, 255);
  return {
    ...(ids === undefined ? {} : { ids }),
    max: optionalInteger(input, "MaxResults", 1, 2147483647) ?? 2147483647,
    start: token === undefined ? 0 : decodeToken(token),
  };
}

/**
 * One page of DescribeFileSystems.
 *
 * @example
 * describeFileSystems(ctx, readDescribeRequest({})); // { FileSystems: [ … ] }
 */
export function describeFileSystems(ctx: ServiceContext, request: DescribeRequest): object {
  const all: FsxFileSystem[] =
    request.ids === undefined
      ? ctx.store.records.list<FsxFileSystem>(FSX_RECORD)
      : [...new Set(request.ids)].map((id) => getFileSystem(ctx, id));
  const end = request.start + request.max;
  const page = all.slice(request.start, end);
  return {
    FileSystems: page.map(fileSystemShape),
    ...(end < all.length ? { NextToken: encodeToken(end) } : {}),
  };
}

function encodeToken(offset: number): string {
  return Buffer.from(`fsx:${offset}`).toString("base64url");
}

function decodeToken(token: string): number {
  const offset = /^fsx:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"))?.[1];
  if (offset === undefined) throw badRequest("`NextToken` is not valid");
  return Number(offset);
}
