/**
 * Reads a Node.js handler setting (`_HANDLER`) as the managed runtime
 * does: everything up to the first dot after the last `/` names the module
 * (relative to the task root, without extension), the rest the exported
 * function, where further dots reach into nested objects
 * (`lib/app.handlers.get`). A setting without such a dot is Lambda's
 * `Runtime.MalformedHandlerName` ("Bad handler").
 */

/** A handler setting, split. */
export interface HandlerName {
  /** The module path relative to the task root, e.g. `lib/app`. */
  readonly module: string;
  /** The property path on the module, e.g. `["handlers", "get"]`. */
  readonly path: readonly string[];
}

/**
 * Splits `handler`, or returns undefined when it is malformed.
 *
 * @example
 * parseHandlerName("lib/app.handlers.get"); // { module: "lib/app", path: ["handlers", "get"] }
 * parseHandlerName("index"); // undefined
 */
export function parseHandlerName(handler: string): HandlerName | undefined {
  const slash = handler.lastIndexOf("/");
  const dot = handler.indexOf(".", slash + 1);
  if (dot <= slash + 1 || dot === handler.length - 1) return undefined;
  const path = handler.slice(dot + 1).split(".");
  if (path.some((part) => part === "")) return undefined;
  return { module: handler.slice(0, dot), path };
}
