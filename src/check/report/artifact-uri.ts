/**
 * File names as SARIF artifact URIs: relative to the working directory
 * (resolved against `%SRCROOT%`, which code-scanning services map to the
 * repository checkout), percent-encoded, forward slashes; a file outside
 * the working directory keeps an absolute `file://` URI.
 */

/** The `uriBaseId` relative artifact URIs are resolved against. */
export const SRCROOT = "%SRCROOT%";

/** An artifact location: relative with a base, or absolute. */
export interface ArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

/**
 * The artifact location of `file` as seen from `workingDirectory`.
 *
 * @example
 * artifactLocation("templates/my app.yaml", "/repo"); // { uri: "templates/my%20app.yaml", uriBaseId: "%SRCROOT%" }
 * artifactLocation("/repo/t.yaml", "/repo"); // { uri: "t.yaml", uriBaseId: "%SRCROOT%" }
 * artifactLocation("/elsewhere/t.yaml", "/repo"); // { uri: "file:///elsewhere/t.yaml" }
 */
export function artifactLocation(file: string, workingDirectory: string): ArtifactLocation {
  const path = file.replaceAll("\\", "/").replace(/^(\.\/)+/, "");
  const base = directoryUri(workingDirectory).replace(/^file:\/\//, "");
  const absolute = /^([A-Za-z]:)?\//.test(path);
  if (!absolute) return { uri: encodeURI(path), uriBaseId: SRCROOT };
  const withSlash = path.startsWith("/") ? path : `/${path}`;
  if (withSlash.startsWith(decodeURI(base)))
    return { uri: encodeURI(withSlash.slice(decodeURI(base).length)), uriBaseId: SRCROOT };
  return { uri: `file://${encodeURI(withSlash)}` };
}

/**
 * The `file://` URI of a directory, ending with `/` (SARIF requires it for a base).
 *
 * @example
 * directoryUri("/repo"); // "file:///repo/"
 */
export function directoryUri(directory: string): string {
  const path = directory.replaceAll("\\", "/").replace(/\/+$/, "");
  return `file://${encodeURI(path.startsWith("/") ? path : `/${path}`)}/`;
}
