/**
 * The settings CreateFileSystem takes besides its token, checked and given
 * the EFS API defaults: PerformanceMode `generalPurpose` (or `maxIO`),
 * ThroughputMode `bursting` (or `provisioned`, which then requires
 * ProvisionedThroughputInMibps ≥ 1, or `elastic`, which refuses `maxIO`),
 * Encrypted false through the API, a KmsKeyId only on an encrypted file
 * system, and Tags (see tag-rules.ts).
 */
import { badRequest } from "./errors.js";
import type { EfsTag, FileSystem } from "./model.js";
import { checkTags, tagFields } from "./tag-rules.js";

/** What a caller may set on a new file system. */
export interface FileSystemOptions {
  readonly performanceMode?: string;
  readonly throughputMode?: string;
  readonly provisionedThroughputInMibps?: number;
  readonly encrypted?: boolean;
  readonly kmsKeyId?: string;
  readonly tags?: readonly EfsTag[];
}

const PERFORMANCE_MODES = ["generalPurpose", "maxIO"];
const THROUGHPUT_MODES = ["bursting", "provisioned", "elastic"];

/**
 * The stored fields for these options, defaults applied, or BadRequest.
 *
 * @example
 * fileSystemFields({}); // { performanceMode: "generalPurpose", throughputMode: "bursting", encrypted: false, tags: [] }
 */
export function fileSystemFields(
  options: FileSystemOptions,
): Pick<
  FileSystem,
  | "performanceMode"
  | "throughputMode"
  | "provisionedThroughputInMibps"
  | "encrypted"
  | "kmsKeyId"
  | "tags"
  | "name"
> {
  const performanceMode = options.performanceMode ?? "generalPurpose";
  const throughputMode = options.throughputMode ?? "bursting";
  if (!PERFORMANCE_MODES.includes(performanceMode))
    throw badRequest(
      `PerformanceMode \`${performanceMode}\` must be one of ${PERFORMANCE_MODES.join(", ")}`,
    );
  if (!THROUGHPUT_MODES.includes(throughputMode))
    throw badRequest(
      `ThroughputMode \`${throughputMode}\` must be one of ${THROUGHPUT_MODES.join(", ")}`,
    );
  if (throughputMode === "elastic" && performanceMode === "maxIO")
    throw badRequest("ThroughputMode `elastic` is not supported with PerformanceMode `maxIO`");
  const mibps = options.provisionedThroughputInMibps;
  if (throughputMode === "provisioned" && (mibps === undefined || !(mibps >= 1)))
    throw badRequest(
      "ThroughputMode `provisioned` requires ProvisionedThroughputInMibps of at least 1",
    );
  if (throughputMode !== "provisioned" && mibps !== undefined)
    throw badRequest(
      "ProvisionedThroughputInMibps is only valid with ThroughputMode `provisioned`",
    );
  const encrypted = options.encrypted ?? false;
  if (options.kmsKeyId !== undefined && !encrypted)
    throw badRequest("KmsKeyId is only valid when Encrypted is true");
  const tags = options.tags ?? [];
  checkTags(tags);
  return {
    performanceMode,
    throughputMode,
    encrypted,
    ...(mibps !== undefined ? { provisionedThroughputInMibps: mibps } : {}),
    ...(options.kmsKeyId !== undefined ? { kmsKeyId: options.kmsKeyId } : {}),
    ...tagFields(tags),
  };
}
