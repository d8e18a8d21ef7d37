/**
 * The construct path CDK writes on each resource
 * (`Metadata: {"aws:cdk:path": "App/Stack/Files/Resource"}`), so findings
 * on a CDK template can name the construct a developer wrote rather than a
 * generated logical id. The metadata itself stays in the document (and in
 * each deployable resource's `metadata`); these helpers read it.
 */
import type { ResolvedValue, TemplateDocument } from "../model.js";
import { member } from "../sam/nodes.js";

/** The metadata key CDK puts the construct path under. */
export const CDK_PATH_KEY = "aws:cdk:path";

/**
 * Construct paths by logical id, for every resource that has one.
 *
 * @example
 * constructPaths(document).get("FilesFsA1B2C3"); // "App/Stack/Files/Resource"
 */
export function constructPaths(document: TemplateDocument): Map<string, string> {
  const paths = new Map<string, string>();
  const resources = member(document.root, "Resources");
  if (resources?.kind !== "object") return paths;
  for (const entry of resources.entries) {
    const path = member(member(entry.value, "Metadata"), CDK_PATH_KEY);
    if (path?.kind === "string") paths.set(entry.key, path.value);
  }
  return paths;
}

/**
 * The construct path in a resolved `Metadata` value, if any.
 *
 * @example
 * constructPathOf({ "aws:cdk:path": "App/Stack/Fn/Resource" }); // "App/Stack/Fn/Resource"
 */
export function constructPathOf(metadata: ResolvedValue | undefined): string | undefined {
  if (metadata === null || typeof metadata !== "object" || Array.isArray(metadata))
    return undefined;
  const path = (metadata as { readonly [key: string]: ResolvedValue })[CDK_PATH_KEY];
  return typeof path === "string" ? path : undefined;
}
