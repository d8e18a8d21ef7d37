/**
 * The program each function instance runs (forked by the runner, talking
 * over IPC): it installs Lambda's console format, loads the handler named
 * by `_HANDLER` from `LAMBDA_TASK_ROOT` (the init phase), answers `ready`
 * or `init-error`, then runs one invocation per `invoke` message: the
 * handler gets the event, a context and a callback; whichever comes first
 * of its returned promise and its callback decides the result. An uncaught
 * exception or unhandled rejection during an invocation fails it and ends
 * the process, as in the managed runtime; so does losing the runner (the
 * IPC channel closes). Modules listed in
 * `ACCESSLAB_LAMBDA_PRELOAD` (by init hooks, e.g. a file system mount) are
 * imported before the handler loads.
 */
import { pathToFileURL } from "node:url";
import { patchConsole } from "./console-format.js";
import { errorDocument, runtimeError } from "./error-document.js";
import { type Handler, loadHandler } from "./load-handler.js";
import {
  type InstanceMessage,
  type InvokeMessage,
  outputSentinel,
  PRELOAD_VARIABLE,
} from "./messages.js";

let current: InvokeMessage | undefined;

function send(message: InstanceMessage, token: string): void {
  const sentinel = outputSentinel(token);
  process.stdout.write(sentinel);
  process.stderr.write(sentinel);
  process.send?.(message);
}

function context(message: InvokeMessage, finish: (error: unknown, result?: unknown) => void) {
  return {
    ...message.context,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME ?? "",
    awsRequestId: message.requestId,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, message.deadlineMs - Date.now()),
    done: (error: unknown, result?: unknown) => finish(error, result),
    succeed: (result: unknown) => finish(null, result),
    fail: (error: unknown) => finish(error ?? "handled"),
  };
}

function run(handler: Handler, message: InvokeMessage): void {
  current = message;
  let settled = false;
  const finish = (error: unknown, result?: unknown) => {
    if (settled || current !== message) return;
    settled = true;
    current = undefined;
    if (error !== null && error !== undefined)
      return answer(message, { error: errorDocument(error) });
    let payload: string;
    try {
      payload = JSON.stringify(result) ?? "null";
    } catch (thrown) {
      return answer(message, { error: errorDocument(thrown) });
    }
    answer(message, { payload });
  };
  try {
    const returned = handler(JSON.parse(message.event), context(message, finish), finish);
    if (returned !== null && typeof (returned as Promise<unknown>)?.then === "function") {
      (returned as Promise<unknown>).then(
        (value) => finish(null, value),
        (error: unknown) => finish(error ?? new Error("handler rejected")),
      );
    }
  } catch (error) {
    finish(error);
  }
}

function answer(
  message: InvokeMessage,
  outcome: { payload?: string; error?: ReturnType<typeof errorDocument> },
  fatal = false,
): void {
  if (outcome.error)
    process.stdout.write(
      `${new Date().toISOString()}\t${message.requestId}\tERROR\tInvoke Error \t${JSON.stringify(outcome.error)}\n`,
    );
  send(
    {
      kind: "result",
      requestId: message.requestId,
      ...outcome,
      ...(fatal ? { fatal } : {}),
      rssBytes: process.memoryUsage().rss,
    },
    message.requestId,
  );
}

function fail(error: ReturnType<typeof errorDocument>): void {
  const message = current;
  current = undefined;
  if (message) answer(message, { error }, true);
  setTimeout(() => process.exit(129), 50).unref();
}

async function main(): Promise<void> {
  patchConsole(
    () => current?.requestId,
    (line) => process.stdout.write(line),
  );
  process.on("disconnect", () => process.exit(0));
  process.on("uncaughtException", (error) => fail(errorDocument(error)));
  process.on("unhandledRejection", (reason) =>
    fail(
      runtimeError(
        "Runtime.UnhandledPromiseRejection",
        `${errorDocument(reason).errorType}: ${errorDocument(reason).errorMessage}`,
      ),
    ),
  );
  const started = performance.now();
  const taskRoot = process.env.LAMBDA_TASK_ROOT ?? process.cwd();
  const preloads = JSON.parse(process.env[PRELOAD_VARIABLE] ?? "[]") as string[];
  delete process.env[PRELOAD_VARIABLE];
  for (const preload of preloads) await import(pathToFileURL(preload).href);
  const loaded = await loadHandler(taskRoot, process.env._HANDLER ?? "");
  if (!loaded.ok) {
    send({ kind: "init-error", error: loaded.error }, "init");
    return;
  }
  send({ kind: "ready", initMs: performance.now() - started }, "init");
  process.on("message", (message: InvokeMessage) => {
    if (message.kind === "invoke") run(loaded.handler, message);
  });
}

void main();
