/**
 * Service condition keys, checked against the catalogue: a key under a
 * service prefix must be documented for that service, and at least one
 * action of the statement must support it, or the key is never in the
 * request. Global keys always apply; keys of identity providers
 * (`accounts.google.com:sub`, ...) are open-ended and not judged. Without a
 * catalogue, or when a service was not loaded, nothing is reported.
 */
import type { ConditionEntry, Statement } from "../ast.js";
import { closestName } from "../suggest.js";
import { compileGlob } from "../wildcard.js";
import { hasWildcard, splitAction } from "./action-name.js";
import type { ActionCatalogue } from "./catalogue.js";
import { keyPrefix, keyTemplateMatches } from "./condition-key-template.js";
import type { Finding } from "./finding.js";
import { globalConditionKey, isAwsKey } from "./global-condition-keys.js";
import { finding, type RuleContext } from "./rule.js";

/** Prefixes of documented keys that are not service prefixes (identity providers, aliases). */
const NON_SERVICE_PREFIXES = new Set([
  "saml",
  "identitycenter",
  "catalog",
  "cognito-identity-auth",
  "cognito-identity-unauth",
]);

/**
 * Reports undocumented service keys and keys no action in the statement supports.
 *
 * @example
 * checkConditionApplicability({ ...context, catalogue }); // flags `s3:prefix` on `ec2:RunInstances`
 */
export function checkConditionApplicability({ policy, catalogue }: RuleContext): Finding[] {
  if (!catalogue) return [];
  const out: Finding[] = [];
  for (const s of policy.statements) {
    let supported: readonly string[] | undefined | null = null; // computed once per statement
    for (const entry of s.condition ?? []) {
      const key = entry.key.value;
      const prefix = keyPrefix(key);
      if (!prefix || isAwsKey(key) || globalConditionKey(key)) continue;
      const problem = unknownKey(entry, prefix, catalogue);
      if (problem !== undefined) {
        if (problem)
          out.push(finding("ERROR", "unknown-condition-key", problem, entry.key.position, s.index));
        continue;
      }
      if (supported === null) supported = supportedKeys(s, catalogue);
      if (!supported || supported.some((documented) => keyTemplateMatches(documented, key)))
        continue;
      const message = `no action in this statement supports condition key \`${key}\`, so it is never in the request`;
      out.push(
        finding("WARNING", "condition-key-not-applicable", message, entry.key.position, s.index),
      );
    }
  }
  return out;
}

/** An error message for an unknown key, `""` to skip the key silently, undefined when the key is known. */
function unknownKey(
  entry: ConditionEntry,
  prefix: string,
  catalogue: ActionCatalogue,
): string | undefined {
  const key = entry.key.value;
  if (catalogue.conditionKeyType(key)) return catalogue.hasService(prefix) ? undefined : "";
  if (!catalogue.hasService(prefix)) {
    const open = /[./$]/.test(prefix) || NON_SERVICE_PREFIXES.has(prefix);
    return open ? "" : `condition key \`${key}\` has an unknown service prefix \`${prefix}\``;
  }
  const actions = catalogue.actions(prefix);
  if (!actions) return "";
  const documented = new Set(
    actions.flatMap((a) => catalogue.actionConditionKeys(prefix, a) ?? []),
  );
  const near = closestName(
    key,
    [...documented].filter((k) => keyPrefix(k) === prefix),
  );
  const hint = near ? `; did you mean \`${near}\`` : "";
  return `condition key \`${key}\` does not exist in \`${prefix}\`${hint}`;
}

/** Keys the statement's actions support; undefined when that cannot be known (wildcards, NotAction, unloaded services). */
function supportedKeys(s: Statement, catalogue: ActionCatalogue): readonly string[] | undefined {
  if (!s.action || s.notAction) return undefined;
  const keys: string[] = [];
  for (const { value } of s.action) {
    const split = splitAction(value);
    if (!split || hasWildcard(split.service)) return undefined;
    const actions = catalogue.actions(split.service);
    if (!actions) return undefined;
    const glob = compileGlob(split.name, true);
    const matched = actions.filter((a) => glob.test(a));
    if (matched.length === 0) return undefined; // an unknown action: reported by the action rules
    for (const action of matched)
      keys.push(...(catalogue.actionConditionKeys(split.service, action) ?? []));
  }
  return keys;
}
