/**
 * The SET_INFO request (MS-SMB2 2.2.39) for FileDispositionInformation
 * (MS-FSCC 2.4.11): marks an open file or directory for deletion when it
 * is closed. The server checks at this point that a directory is empty
 * (STATUS_DIRECTORY_NOT_EMPTY), which delete-on-close at CREATE does not
 * report.
 */
import { HEADER_SIZE } from "./header.js";

const INFO_FILE = 1;
const FILE_DISPOSITION_INFORMATION = 13;
const BODY_SIZE = 32;

/**
 * The SET_INFO body that marks `fileId` for deletion.
 *
 * @example
 * deleteOnCloseRequest(opened.fileId).length; // 33
 */
export function deleteOnCloseRequest(fileId: Buffer): Buffer {
  const body = Buffer.alloc(BODY_SIZE + 1);
  body.writeUInt16LE(BODY_SIZE + 1, 0);
  body.writeUInt8(INFO_FILE, 2);
  body.writeUInt8(FILE_DISPOSITION_INFORMATION, 3);
  body.writeUInt32LE(1, 4);
  body.writeUInt16LE(HEADER_SIZE + BODY_SIZE, 8);
  fileId.copy(body, 16);
  body.writeUInt8(1, BODY_SIZE); // DeletePending
  return body;
}
