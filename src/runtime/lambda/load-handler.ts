/**
 * Loads a function's handler inside an instance, as the managed Node.js
 * runtime does: the module named by the handler setting is looked for in
 * the task root as `.js`, `.mjs` then `.cjs`; `.mjs`, and `.js` under a
 * `package.json` with `"type": "module"`, are imported as ES modules,
 * anything else is required as CommonJS; then the exported property path
 * must be a function. Failures carry Lambda's error types
 * (`Runtime.MalformedHandlerName`, `Runtime.ImportModuleError`,
 * `Runtime.UserCodeSyntaxError`, `Runtime.HandlerNotFound`).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, parse } from "node:path";
import { pathToFileURL } from "node:url";
import { errorDocument, runtimeError } from "./error-document.js";
import { parseHandlerName } from "./handler-name.js";
import type { ErrorDocument } from "./messages.js";

/** A handler as the runtime calls it. */
export type Handler = (event: unknown, context: unknown, callback: unknown) => unknown;

/** The loaded handler, or the error document of the failure. */
export type LoadedHandler =
  | { readonly ok: true; readonly handler: Handler }
  | { readonly ok: false; readonly error: ErrorDocument };

const EXTENSIONS = [".js", ".mjs", ".cjs"] as const;

/**
 * Loads `handlerSetting` (e.g. `index.handler`) from `taskRoot`.
 *
 * @example
 * const loaded = await loadHandler("/tmp/accesslab-lambda-x/abc", "index.handler");
 * if (loaded.ok) await loaded.handler({}, context, () => {});
 */
export async function loadHandler(
  taskRoot: string,
  handlerSetting: string,
): Promise<LoadedHandler> {
  const name = parseHandlerName(handlerSetting);
  if (!name) return failed(runtimeError("Runtime.MalformedHandlerName", "Bad handler"));
  let exported: unknown;
  try {
    exported = await loadModule(taskRoot, name.module);
  } catch (error) {
    return failed(importError(error));
  }
  let value: unknown = exported;
  for (const key of name.path) {
    value =
      value !== null && (typeof value === "object" || typeof value === "function")
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  if (typeof value !== "function") {
    const what = value === undefined ? "is undefined or not exported" : "is not a function";
    return failed(runtimeError("Runtime.HandlerNotFound", `${handlerSetting} ${what}`));
  }
  return { ok: true, handler: value as Handler };
}

async function loadModule(taskRoot: string, module: string): Promise<unknown> {
  const base = join(taskRoot, module);
  for (const extension of EXTENSIONS) {
    const file = base + extension;
    if (!existsSync(file)) continue;
    if (extension === ".mjs" || (extension === ".js" && isModuleScope(dirname(file), taskRoot)))
      return import(pathToFileURL(file).href);
    try {
      return createRequire(join(taskRoot, "index.js"))(file);
    } catch (error) {
      if ((error as { code?: unknown }).code !== "ERR_REQUIRE_ESM") throw error;
      return import(pathToFileURL(file).href);
    }
  }
  const error = new Error(`Cannot find module '${module}'`) as Error & { code: string };
  error.code = "MODULE_NOT_FOUND";
  throw error;
}

/** Whether the nearest package.json at or above `directory` (within the task root) says `"type": "module"`. */
function isModuleScope(directory: string, taskRoot: string): boolean {
  let current = directory;
  for (;;) {
    const manifest = join(current, "package.json");
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, "utf8")) as { type?: unknown }).type === "module";
      } catch {
        return false;
      }
    }
    if (current === taskRoot || current === parse(current).root) return false;
    current = dirname(current);
  }
}

function importError(error: unknown): ErrorDocument {
  const document = errorDocument(error);
  const type =
    error instanceof SyntaxError ? "Runtime.UserCodeSyntaxError" : "Runtime.ImportModuleError";
  const message = `${document.errorType}: ${document.errorMessage}`;
  return {
    errorType: type,
    errorMessage: message,
    trace: [`${type}: ${message}`, ...(document.trace ?? []).slice(1)],
  };
}

function failed(error: ErrorDocument): LoadedHandler {
  return { ok: false, error };
}
