/**
 * Who is calling: the request's principal string decoded into the forms
 * IAM matches policies against (user, role session, federated user,
 * account root, service principal, anonymous).
 */
import { parseArn } from "./arn.js";

/** The kinds of caller the engine distinguishes. */
export type CallerKind =
  | "user"
  | "role-session"
  | "federated-user"
  | "root"
  | "service"
  | "anonymous"
  | "unknown";

/** A decoded caller. */
export interface Caller {
  readonly kind: CallerKind;
  /** The principal exactly as given. */
  readonly raw: string;
  readonly account?: string;
  /** The specific ARN (user, session, federated user, root). */
  readonly arn?: string;
  /** For role sessions: the role's ARN (as given, or rebuilt without a path from an assumed-role ARN). */
  readonly roleArn?: string;
  readonly roleName?: string;
  readonly userName?: string;
  readonly serviceName?: string;
}

/** The word the scenario format uses for unauthenticated callers. */
export const ANONYMOUS = "anonymous";

/**
 * Decodes a principal string.
 *
 * @example
 * parseCaller("arn:aws:sts::111122223333:assumed-role/app/s1").roleArn;
 * // "arn:aws:iam::111122223333:role/app"
 */
export function parseCaller(principal: string): Caller {
  const cached = callerCache.get(principal);
  if (cached) return cached;
  const caller = decodeCaller(principal.trim());
  if (callerCache.size >= CALLER_CACHE_LIMIT) callerCache.clear();
  callerCache.set(principal, caller);
  return caller;
}

const callerCache = new Map<string, Caller>();
const CALLER_CACHE_LIMIT = 4096;

function decodeCaller(raw: string): Caller {
  if (raw === ANONYMOUS || raw === "*") return { kind: "anonymous", raw };
  const arn = parseArn(raw);
  if (!arn) {
    if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/i.test(raw))
      return { kind: "service", raw, serviceName: raw };
    if (/^\d{12}$/.test(raw)) {
      return { kind: "root", raw, account: raw, arn: `arn:aws:iam::${raw}:root` };
    }
    return { kind: "unknown", raw };
  }
  const account = arn.account;
  const [type = "", ...rest] = arn.resource.split("/");
  if (arn.service === "iam" && arn.resource === "root")
    return { kind: "root", raw, account, arn: raw };
  if (arn.service === "iam" && type === "user" && rest.length > 0) {
    return { kind: "user", raw, account, arn: raw, userName: rest[rest.length - 1] ?? "" };
  }
  if (arn.service === "iam" && type === "role" && rest.length > 0) {
    const roleName = rest[rest.length - 1] ?? "";
    return { kind: "role-session", raw, account, roleArn: raw, roleName };
  }
  if (arn.service === "sts" && type === "assumed-role" && rest.length >= 2) {
    const roleName = rest[0] ?? "";
    const roleArn = `arn:${arn.partition}:iam::${account}:role/${roleName}`;
    return { kind: "role-session", raw, account, arn: raw, roleArn, roleName };
  }
  if (arn.service === "sts" && type === "federated-user" && rest.length > 0) {
    return { kind: "federated-user", raw, account, arn: raw, userName: rest.join("/") };
  }
  return { kind: "unknown", raw, account };
}

/** The value IAM gives `aws:PrincipalType` for a caller. */
export function principalType(caller: Caller): string | undefined {
  switch (caller.kind) {
    case "user":
      return "User";
    case "role-session":
      return "AssumedRole";
    case "federated-user":
      return "FederatedUser";
    case "root":
      return "Account";
    case "anonymous":
      return "Anonymous";
    default:
      return undefined;
  }
}

/** The value of `aws:PrincipalArn` for a caller (the role ARN for sessions). */
export function principalArn(caller: Caller): string | undefined {
  return caller.kind === "role-session" ? caller.roleArn : caller.arn;
}
