/**
 * The messages an instance's process and the runner exchange over the
 * fork IPC channel (JSON). The runner sends one `invoke` at a time; the
 * instance answers `ready` once the handler is loaded (or `init-error`),
 * and one `result` per invocation. Before each answer the instance writes
 * a sentinel line to stdout and stderr (see `outputSentinel`) so the runner
 * knows every byte of output that belongs to it has arrived.
 */

/**
 * The environment variable through which init hooks name modules the
 * instance imports before the handler (a JSON array of absolute paths);
 * the bootstrap removes it before user code runs.
 */
export const PRELOAD_VARIABLE = "ACCESSLAB_LAMBDA_PRELOAD";

/** Lambda's error document, as the Invoke payload carries it. */
export interface ErrorDocument {
  readonly errorType: string;
  readonly errorMessage: string;
  /** Stack lines; absent for errors of the sandbox itself (timeout, exit). */
  readonly trace?: readonly string[];
}

/** What the handler's context tells it about the function and the invocation. */
export interface InvokeContext {
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
  /** The caller's client context, decoded from base64 JSON, when sent. */
  readonly clientContext?: unknown;
}

/** Runner → instance: run the handler once. */
export interface InvokeMessage {
  readonly kind: "invoke";
  readonly requestId: string;
  /** The event as JSON text. */
  readonly event: string;
  /** When the invocation times out, in epoch milliseconds. */
  readonly deadlineMs: number;
  readonly context: InvokeContext;
}

/** Instance → runner. */
export type InstanceMessage =
  | { readonly kind: "ready"; readonly initMs: number }
  | { readonly kind: "init-error"; readonly error: ErrorDocument }
  | {
      readonly kind: "result";
      readonly requestId: string;
      /** The handler's result as JSON text, when it succeeded. */
      readonly payload?: string;
      readonly error?: ErrorDocument;
      /** The process cannot serve again (an uncaught exception); the runner stops it. */
      readonly fatal?: boolean;
      readonly rssBytes: number;
    };

/**
 * The line an instance writes to stdout and stderr when everything it
 * printed for `token` (a request id, or `init`) is out.
 *
 * @example
 * outputSentinel("init"); // "\u0000accesslab-output-end:init\u0000\n"
 */
export function outputSentinel(token: string): string {
  return `\u0000accesslab-output-end:${token}\u0000\n`;
}
