/**
 * The NTSTATUS values an SMB client meets (MS-ERREF 2.3), by name, and the
 * error an SMB operation fails with: it carries the status's name as
 * `code` (e.g. `STATUS_ACCESS_DENIED`), the operation and the path, and a
 * lowercase message.
 */

/** NTSTATUS values by name. */
export const NT_STATUS = {
  STATUS_SUCCESS: 0x00000000,
  STATUS_PENDING: 0x00000103,
  STATUS_NO_MORE_FILES: 0x80000006,
  STATUS_INVALID_PARAMETER: 0xc000000d,
  STATUS_END_OF_FILE: 0xc0000011,
  STATUS_MORE_PROCESSING_REQUIRED: 0xc0000016,
  STATUS_ACCESS_DENIED: 0xc0000022,
  STATUS_OBJECT_NAME_INVALID: 0xc0000033,
  STATUS_OBJECT_NAME_NOT_FOUND: 0xc0000034,
  STATUS_OBJECT_NAME_COLLISION: 0xc0000035,
  STATUS_OBJECT_PATH_NOT_FOUND: 0xc000003a,
  STATUS_OBJECT_PATH_SYNTAX_BAD: 0xc000003b,
  STATUS_SHARING_VIOLATION: 0xc0000043,
  STATUS_LOGON_FAILURE: 0xc000006d,
  STATUS_ACCOUNT_DISABLED: 0xc0000072,
  STATUS_DELETE_PENDING: 0xc0000056,
  STATUS_INSUFFICIENT_RESOURCES: 0xc000009a,
  STATUS_FILE_IS_A_DIRECTORY: 0xc00000ba,
  STATUS_NOT_SUPPORTED: 0xc00000bb,
  STATUS_BAD_NETWORK_NAME: 0xc00000cc,
  STATUS_DIRECTORY_NOT_EMPTY: 0xc0000101,
  STATUS_NOT_A_DIRECTORY: 0xc0000103,
  STATUS_USER_SESSION_DELETED: 0xc0000203,
  STATUS_NETWORK_SESSION_EXPIRED: 0xc000035c,
} as const;

/** The name of a status value, or its hex form when unknown. */
export function statusName(status: number): string {
  for (const [name, value] of Object.entries(NT_STATUS)) if (value === status) return name;
  return `0x${status.toString(16).padStart(8, "0")}`;
}

/**
 * An SMB request the server answered with a failure status, or an
 * exchange that could not go on.
 *
 * @example
 * try { await share.readFile("missing.txt"); } catch (e) { (e as SmbError).code; } // "STATUS_OBJECT_NAME_NOT_FOUND"
 */
export class SmbError extends Error {
  /** The NTSTATUS name, or a client-side code such as `SMB_PROTOCOL`. */
  readonly code: string;
  /** The NTSTATUS value, when the server sent one. */
  readonly status: number | undefined;

  constructor(code: string, message: string, status?: number) {
    super(message);
    this.name = "SmbError";
    this.code = code;
    this.status = status;
  }
}

/**
 * The error for a failure status of `operation`.
 *
 * @example
 * statusError(NT_STATUS.STATUS_ACCESS_DENIED, "open `a.txt`").message; // "open `a.txt`: STATUS_ACCESS_DENIED"
 */
export function statusError(status: number, operation: string): SmbError {
  const name = statusName(status);
  return new SmbError(name, `${operation}: ${name}`, status);
}
