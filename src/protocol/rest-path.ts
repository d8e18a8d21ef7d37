/**
 * Matching rest-json request paths against an operation's URI template
 * (`/2015-02-01/file-systems/{FileSystemId}`): literal segments must be
 * equal, a `{Label}` takes one whole segment, percent-decoded. A path with a
 * trailing slash matches the template without one, as the services accept.
 */

/** A URI template split into segments. */
export interface PathTemplate {
  readonly text: string;
  readonly segments: readonly ({ readonly literal: string } | { readonly label: string })[];
}

/**
 * Compiles a URI template.
 *
 * @example
 * compilePathTemplate("/2015-02-01/access-points/{AccessPointId}").segments.length; // 3
 */
export function compilePathTemplate(text: string): PathTemplate {
  const segments = text
    .split("/")
    .filter((s) => s !== "")
    .map((s) =>
      s.startsWith("{") && s.endsWith("}") ? { label: s.slice(1, -1) } : { literal: s },
    );
  return { text, segments };
}

/**
 * The labels of `path` under `template`, or `undefined` when it does not match.
 *
 * @example
 * matchPath(compilePathTemplate("/2015-02-01/file-systems/{FileSystemId}"),
 *   "/2015-02-01/file-systems/fs-0123456789abcdef0"); // { FileSystemId: "fs-0123456789abcdef0" }
 */
export function matchPath(
  template: PathTemplate,
  path: string,
): Record<string, string> | undefined {
  const parts = path.split("/").filter((s, i, all) => s !== "" || (i > 0 && i < all.length - 1));
  if (parts.length !== template.segments.length) return undefined;
  const labels: Record<string, string> = {};
  for (const [i, segment] of template.segments.entries()) {
    const part = parts[i] ?? "";
    if ("literal" in segment) {
      if (part !== segment.literal) return undefined;
      continue;
    }
    if (part === "") return undefined;
    try {
      labels[segment.label] = decodeURIComponent(part);
    } catch {
      return undefined;
    }
  }
  return labels;
}
