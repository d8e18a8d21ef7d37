/**
 * Matching a caller against a Principal or NotPrincipal element, and the
 * strength of the match: naming a user or a role session grants directly,
 * naming a role is limited by boundary and session policy, naming only the
 * account delegates to the account's identity policies.
 */

import { parseArn } from "./arn.js";
import type { PrincipalBlock } from "./ast.js";
import type { Caller } from "./caller.js";
import type { PrincipalMatch } from "./decision.js";

export type { PrincipalMatch };

const STRENGTH: Record<PrincipalMatch, number> = { specific: 3, wildcard: 2, role: 1, account: 0 };

/**
 * The strongest way `block` names `caller`, or undefined when it does not.
 *
 * @example
 * matchPrincipal({ wildcard: true, entries: [] }, caller); // "wildcard"
 */
export function matchPrincipal(block: PrincipalBlock, caller: Caller): PrincipalMatch | undefined {
  if (block.wildcard) return "wildcard";
  let best: PrincipalMatch | undefined;
  for (const entry of block.entries) {
    for (const value of entry.values) {
      const match = matchValue(entry.type.value, value.value, caller);
      if (match && (best === undefined || STRENGTH[match] > STRENGTH[best])) best = match;
    }
  }
  return best;
}

function matchValue(type: string, value: string, caller: Caller): PrincipalMatch | undefined {
  if (value === "*" && type === "AWS") return "wildcard";
  if (type === "Service") {
    return caller.kind === "service" && caller.serviceName?.toLowerCase() === value.toLowerCase()
      ? "specific"
      : undefined;
  }
  if (type !== "AWS") return caller.raw === value ? "specific" : undefined;
  const account = accountOf(value);
  if (account !== undefined) {
    if (account !== caller.account) return undefined;
    return caller.kind === "root" ? "specific" : "account";
  }
  if (caller.arn !== undefined && value === caller.arn) return "specific";
  if (caller.kind === "role-session" && sameRole(value, caller)) return "role";
  return undefined;
}

/** What an `AWS` principal value names: a whole account, a role (by account and name), or neither. */
interface PrincipalValue {
  readonly account?: string;
  readonly role?: { readonly account: string; readonly name: string };
}

const valueCache = new Map<string, PrincipalValue>();
const VALUE_CACHE_LIMIT = 4096;

/** Decodes an `AWS` principal value once; later calls hit a bounded cache. */
function decodeValue(value: string): PrincipalValue {
  const hit = valueCache.get(value);
  if (hit) return hit;
  let decoded: PrincipalValue = {};
  if (/^\d{12}$/.test(value)) decoded = { account: value };
  else {
    const arn = parseArn(value);
    if (arn?.service === "iam" && arn.resource === "root") decoded = { account: arn.account };
    else if (arn?.service === "iam" && arn.resource.startsWith("role/")) {
      decoded = {
        role: { account: arn.account, name: arn.resource.slice(arn.resource.lastIndexOf("/") + 1) },
      };
    }
  }
  if (valueCache.size >= VALUE_CACHE_LIMIT) valueCache.clear();
  valueCache.set(value, decoded);
  return decoded;
}

/** The account a principal value names as a whole (`123456789012` or `...:root`), if it does. */
function accountOf(value: string): string | undefined {
  return decodeValue(value).account;
}

function sameRole(value: string, caller: Caller): boolean {
  const role = decodeValue(value).role;
  return role !== undefined && role.account === caller.account && role.name === caller.roleName;
}

/**
 * True when a NotPrincipal element excludes the caller: every form under
 * which IAM sees the caller (its own ARN, its role, its account) is listed.
 */
export function notPrincipalExcludes(block: PrincipalBlock, caller: Caller): boolean {
  if (block.wildcard) return true;
  const listed = (test: (type: string, value: string) => boolean) =>
    block.entries.some((e) => e.values.some((v) => test(e.type.value, v.value)));
  if (listed((t, v) => t === "AWS" && v === "*")) return true;
  if (caller.kind === "anonymous" || caller.kind === "unknown") return false;
  const forms: ((type: string, value: string) => boolean)[] = [];
  if (caller.kind === "service") {
    forms.push((t, v) => t === "Service" && v.toLowerCase() === caller.serviceName?.toLowerCase());
  } else {
    if (caller.arn !== undefined && caller.kind !== "root")
      forms.push((t, v) => t === "AWS" && v === caller.arn);
    if (caller.kind === "role-session") forms.push((t, v) => t === "AWS" && sameRole(v, caller));
    forms.push((t, v) => t === "AWS" && accountOf(v) === caller.account);
  }
  return forms.every((form) => listed(form));
}
