/**
 * The service prefixes a policy mentions, in its actions and its condition
 * keys: what a catalogue must load to validate that policy.
 */
import { parsePolicy } from "../engines/policy/parse.js";

/**
 * Returns the lowercased service prefixes of a policy's `Action`,
 * `NotAction` and condition keys, sorted; `[]` when the text is not a
 * policy.
 *
 * @example
 * servicesInPolicy('{"Statement":{"Action":"s3:GetObject","Condition":{"Bool":{"aws:SecureTransport":"true"}}}}');
 * // ["aws", "s3"]
 */
export function servicesInPolicy(text: string): string[] {
  const out = new Set<string>();
  for (const s of parsePolicy(text).policy?.statements ?? []) {
    for (const action of [...(s.action ?? []), ...(s.notAction ?? [])]) add(out, action.value);
    for (const entry of s.condition ?? []) add(out, entry.key.value);
  }
  return [...out].sort();
}

function add(out: Set<string>, prefixed: string): void {
  const colon = prefixed.indexOf(":");
  if (colon > 0) out.add(prefixed.slice(0, colon).toLowerCase());
}
