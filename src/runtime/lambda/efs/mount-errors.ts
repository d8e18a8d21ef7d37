/**
 * The two Invoke errors a mount at init can end in, as `LambdaError`s with
 * Lambda's codes, statuses and messages (aws-facts C5, C6): the runner
 * rethrows them and Invoke answers them, so the SDK raises its own
 * `EFSMountFailureException` / `EFSMountConnectivityException` classes.
 */
import { LambdaError } from "../../../services/lambda/errors.js";
import { connectivityMessage, mountFailureMessage } from "./assumptions.js";

/**
 * `EFSMountFailureException` (403) for an access point.
 *
 * @example
 * efsMountFailure(arn).httpStatus; // 403
 */
export const efsMountFailure = (accessPointArn: string) =>
  new LambdaError("EFSMountFailureException", 403, mountFailureMessage(accessPointArn));

/**
 * `EFSMountConnectivityException` (408) for an access point.
 *
 * @example
 * efsMountConnectivity(arn).code; // "EFSMountConnectivityException"
 */
export const efsMountConnectivity = (accessPointArn: string) =>
  new LambdaError("EFSMountConnectivityException", 408, connectivityMessage(accessPointArn));
