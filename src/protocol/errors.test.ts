/** The shared error shape: recognising service errors, wrapping the rest. */
import { describe, expect, it } from "vitest";
import { internalFailure, isAwsError, ProtocolError, toAwsError } from "./errors.js";

/** A service's own error class, declared the way `services/efs/errors.ts` does. */
class ServiceError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    readonly senderFault = httpStatus < 500,
  ) {
    super(message);
  }
}
const fileSystemNotFound = (id: string) =>
  new ServiceError("FileSystemNotFound", 404, `File system '${id}' does not exist.`);

describe("errors", () => {
  it("recognises protocol and service errors by shape", () => {
    expect(isAwsError(new ProtocolError("ValidationError", 400, "bad"))).toBe(true);
    expect(isAwsError(fileSystemNotFound("fs-1"))).toBe(true);
    expect(isAwsError(new TypeError("x"))).toBe(false);
    expect(isAwsError(null)).toBe(false);
  });

  it("turns anything else into InternalFailure", () => {
    expect(toAwsError(new RangeError("secret detail"))).toEqual(internalFailure());
    expect(toAwsError("thrown string").code).toBe("InternalFailure");
    const own = fileSystemNotFound("fs-1");
    expect(toAwsError(own)).toBe(own);
    expect(internalFailure()).toMatchObject({ httpStatus: 500, senderFault: false });
    expect(new ProtocolError("X", 400, "m").senderFault).toBe(true);
  });
});
