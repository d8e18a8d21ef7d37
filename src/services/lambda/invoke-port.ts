/**
 * The port through which the Lambda service runs a function's code: the
 * service looks the function up, checks the caller's request and the
 * execution role's trust, and hands one invocation to a `FunctionRunner`;
 * the runner (the process runtime in `src/runtime/lambda/`, passed in by the
 * server or CLI composition) runs the handler and answers with the payload,
 * whether the function failed, and the invocation's log. Services never
 * import the runtime; they only know this interface.
 */
import type { FunctionCode, LambdaFunction } from "./model.js";

/** Credentials of the execution role, as the runtime puts them in the environment. */
export interface RoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Milliseconds since the epoch. */
  readonly expiration: number;
}

/** One invocation, as the service hands it to a runner. */
export interface InvocationRequest {
  readonly fn: LambdaFunction;
  readonly code: FunctionCode;
  /** The event, as JSON text (`{}` when the caller sent no payload). */
  readonly payload: string;
  readonly requestId: string;
  /** The region the function lives in (`AWS_REGION`). */
  readonly region: string;
  /** The caller's `X-Amz-Client-Context` (base64 JSON), when sent. */
  readonly clientContext?: string;
  /**
   * Issues session credentials of the execution role (its trust for
   * `lambda.amazonaws.com` already checked); a runner calls it when it
   * starts a new instance, so warm instances keep the credentials they
   * started with.
   */
  credentials(): RoleCredentials;
}

/** What a runner answers for one invocation. */
export interface InvocationResult {
  /** The handler's result as JSON text, or the error document when it failed. */
  readonly payload: string;
  /** `Unhandled` when the handler threw, rejected, timed out or its process died. */
  readonly functionError?: "Unhandled";
  /** The invocation's log: START, the instance's output, END and REPORT lines. */
  readonly log: string;
}

/**
 * Runs functions' code. `invoke` rejects only with a `LambdaError` (for
 * failures Lambda reports as an Invoke error, such as a mount failure), never
 * for a failing handler, which is a result with `functionError`.
 *
 * @example
 * const result = await runner.invoke(request);
 * if (result.functionError) console.log(JSON.parse(result.payload).errorMessage);
 */
export interface FunctionRunner {
  invoke(request: InvocationRequest): Promise<InvocationResult>;
  /** Stops every instance and removes unpacked code. */
  close(): Promise<void>;
}
