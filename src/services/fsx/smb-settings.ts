/**
 * accesslab's stand-in for `Set-FSxSmbServerConfiguration` (aws-facts F3):
 * on FSx an administrator turns encryption in transit on with
 * `-EncryptData $true` and enforces it with `-RejectUnencryptedAccess
 * $true` over remote PowerShell. accesslab takes the same two switches in
 * its own FSx operation `AccesslabSetSmbServerConfiguration` (and reads
 * them back with `AccesslabGetSmbServerConfiguration`), keeps the result
 * on the file system and applies it to its SMB server at once. At creation
 * the tag {@link SMB_ENCRYPTION_TAG} may set it; FSx's default is off.
 */
import type { ServiceContext } from "../context.js";
import { SMB_ENCRYPTION_TAG } from "./assumptions.js";
import { badRequest } from "./errors.js";
import { type Input, optionalBoolean, requiredString } from "./input.js";
import { getFileSystem, saveFileSystem } from "./lookup.js";
import type { FsxTag, SmbEncryption } from "./model.js";

const MODES: readonly SmbEncryption[] = ["required", "desired", "off"];

/**
 * The encryption a new file system's tags ask for (`off` without the tag).
 *
 * @example
 * encryptionFromTags([{ Key: "accesslab:smb-encryption", Value: "required" }]); // "required"
 */
export function encryptionFromTags(tags: readonly FsxTag[]): SmbEncryption {
  const value = tags.find((t) => t.Key === SMB_ENCRYPTION_TAG)?.Value;
  if (value === undefined) return "off";
  if (!(MODES as readonly string[]).includes(value)) {
    throw badRequest(
      `tag \`${SMB_ENCRYPTION_TAG}\` must be one of ${MODES.join(", ")}, not \`${value}\``,
    );
  }
  return value as SmbEncryption;
}

/**
 * The mode the two PowerShell switches stand for.
 *
 * @example
 * encryptionMode(true, true); // "required"
 * encryptionMode(true, false); // "desired"
 */
export function encryptionMode(encryptData: boolean, rejectUnencrypted: boolean): SmbEncryption {
  if (!encryptData) return "off";
  return rejectUnencrypted ? "required" : "desired";
}

/**
 * The two switches of a mode, as `Get-FSxSmbServerConfiguration` shows them.
 *
 * @example
 * smbConfigurationShape("fs-0123456789abcdef0", "required"); // { FileSystemId: …, EncryptData: true, RejectUnencryptedAccess: true }
 */
export function smbConfigurationShape(fileSystemId: string, mode: SmbEncryption): object {
  return {
    FileSystemId: fileSystemId,
    EncryptData: mode !== "off",
    RejectUnencryptedAccess: mode === "required",
  };
}

/** A checked AccesslabSetSmbServerConfiguration request. */
export interface SetSmbRequest {
  readonly fileSystemId: string;
  readonly mode: SmbEncryption;
}

/**
 * Reads AccesslabSetSmbServerConfiguration's input.
 *
 * @example
 * readSetSmb({ FileSystemId: "fs-1", EncryptData: true, RejectUnencryptedAccess: true }).mode; // "required"
 */
export function readSetSmb(input: Input): SetSmbRequest {
  const fileSystemId = requiredString(input, "FileSystemId", 11, 21);
  const encryptData = optionalBoolean(input, "EncryptData");
  if (encryptData === undefined) throw badRequest("`EncryptData` is required");
  const reject = optionalBoolean(input, "RejectUnencryptedAccess") ?? false;
  if (reject && !encryptData) {
    throw badRequest("`RejectUnencryptedAccess` needs `EncryptData` to be true");
  }
  return { fileSystemId, mode: encryptionMode(encryptData, reject) };
}

/**
 * Applies a new setting: stored, then pushed to the SMB server.
 *
 * @example
 * await setSmbConfiguration(ctx, { fileSystemId: "fs-0123456789abcdef0", mode: "required" });
 */
export async function setSmbConfiguration(
  ctx: ServiceContext,
  request: SetSmbRequest,
): Promise<object> {
  const fs = getFileSystem(ctx, request.fileSystemId);
  saveFileSystem(ctx, { ...fs, smbEncryption: request.mode });
  await ctx.smbServers?.setEncryption(fs.fileSystemId, request.mode);
  return smbConfigurationShape(fs.fileSystemId, request.mode);
}
