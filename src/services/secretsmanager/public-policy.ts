/**
 * The broad-access check behind BlockPublicPolicy and ValidateResourcePolicy
 * (aws-facts E4, E5): a statement is broad when it allows every principal
 * (`"*"`, `{"AWS": "*"}`, or `NotPrincipal`) without a condition that
 * narrows the caller or the network path (`RESTRICTING_CONDITION_KEYS`,
 * compared with a value that has no wildcard, by a non-negated operator).
 * AWS runs Zelkova here; this is the plausible core of it.
 */
import type { PrincipalBlock, Statement } from "../../engines/policy/ast.js";
import { RESTRICTING_CONDITION_KEYS } from "./assumptions.js";

/**
 * Indexes of the statements that grant broad access.
 *
 * @example
 * broadStatements(parsePolicy('{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}').policy!.statements); // [0]
 */
export function broadStatements(statements: readonly Statement[]): number[] {
  return statements
    .filter((s) => s.effect?.value === "Allow")
    .filter((s) => s.notPrincipal !== undefined || (s.principal && isEveryone(s.principal)))
    .filter((s) => !isNarrowed(s))
    .map((s) => s.index);
}

function isEveryone(block: PrincipalBlock): boolean {
  if (block.wildcard) return true;
  return block.entries.some(
    (entry) => entry.type.value === "AWS" && entry.values.some((v) => v.value === "*"),
  );
}

function isNarrowed(statement: Statement): boolean {
  return (statement.condition ?? []).some((entry) => {
    const operator = entry.operator.value.replace(/^(ForAnyValue|ForAllValues):/, "");
    if (/Not|IfExists$|^Null$/.test(operator)) return false;
    if (!RESTRICTING_CONDITION_KEYS.has(entry.key.value.toLowerCase())) return false;
    return entry.values.length > 0 && entry.values.every((v) => !/[*?]/.test(v.value));
  });
}
