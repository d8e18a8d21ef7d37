/**
 * The request context as conditions and policy variables read it: keys
 * folded to lower case, every value a list of strings, and the keys IAM
 * derives from the caller answered when the request does not give them.
 * Nothing is copied for a request without context keys.
 */
import { type Caller, principalArn, principalType } from "./caller.js";
import type { ContextValue } from "./request.js";

/** Context lookups, by key name in any case. */
export interface RequestContext {
  /** All values of a key, or undefined when the key is absent. */
  values(key: string): readonly string[] | undefined;
  /** The single value of a key (for policy variables); undefined when absent or multivalued. */
  single(key: string): string | undefined;
}

/**
 * Builds the context for one request.
 *
 * @example
 * buildContext({ "aws:SourceVpce": "vpce-1" }, caller).values("AWS:SOURCEVPCE"); // ["vpce-1"]
 */
export function buildContext(
  given: Readonly<Record<string, ContextValue>> | undefined,
  caller: Caller,
): RequestContext {
  const map = new Map<string, readonly string[]>();
  const multi = new Set<string>();
  if (given) {
    for (const key in given) {
      const value = given[key] as ContextValue;
      const lower = key.toLowerCase();
      if (typeof value === "string") map.set(lower, [value]);
      else {
        map.set(lower, value.map(String));
        multi.add(lower);
      }
    }
  }
  const values = (key: string): readonly string[] | undefined => {
    const lower = key.toLowerCase();
    const found = map.get(lower);
    if (found !== undefined) return found;
    const derived = derivedKey(lower, caller);
    return derived === undefined ? undefined : [derived];
  };
  return {
    values,
    single(key) {
      const found = values(key);
      return found && found.length === 1 && !multi.has(key.toLowerCase()) ? found[0] : undefined;
    },
  };
}

/** The keys IAM sets from the caller itself. */
function derivedKey(lowerKey: string, caller: Caller): string | undefined {
  switch (lowerKey) {
    case "aws:principalarn":
      return principalArn(caller);
    case "aws:principalaccount":
      return caller.account;
    case "aws:principaltype":
      return principalType(caller);
    case "aws:username":
      return caller.kind === "user" ? caller.userName : undefined;
    case "aws:principalservicename":
      return caller.kind === "service" ? caller.serviceName : undefined;
    case "aws:principalisawsservice":
      return caller.kind === "anonymous" ? undefined : String(caller.kind === "service");
    default:
      return undefined;
  }
}
