/**
 * A `FunctionName` as the Lambda API takes it: a plain name (`my-function`),
 * a partial ARN (`123456789012:function:my-function`) or a full ARN
 * (`arn:aws:lambda:us-west-2:123456789012:function:my-function`), each
 * optionally with a `:$LATEST` qualifier. The model's pattern and length
 * (1..140) are checked here; a function of another Region is refused as
 * Lambda does, and one of another account is simply not found.
 */
import { invalidParameter, validationFailed } from "./errors.js";

/** Lambda's FunctionName pattern (API model). */
export const FUNCTION_NAME_PATTERN =
  "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";

const NAME = new RegExp(`^${FUNCTION_NAME_PATTERN}$`);

/** Where a FunctionName points. */
export interface FunctionRef {
  readonly name: string;
  readonly account: string;
  readonly arn: string;
  readonly qualifier?: string;
}

/**
 * The ARN of a function.
 *
 * @example
 * functionArn("us-east-1", "000000000000", "app"); // "arn:aws:lambda:us-east-1:000000000000:function:app"
 */
export function functionArn(region: string, account: string, name: string): string {
  return `arn:aws:lambda:${region}:${account}:function:${name}`;
}

/**
 * Reads a FunctionName in the context of this Region and account.
 *
 * @example
 * parseFunctionName({ region: "us-east-1", account: "000000000000" }, "000000000000:function:app").name; // "app"
 */
export function parseFunctionName(
  where: { readonly region: string; readonly account: string },
  text: string,
  member = "functionName",
): FunctionRef {
  const match = text.length <= 140 ? NAME.exec(text) : null;
  if (text.length < 1 || text.length > 140 || !match) {
    const constraint =
      text.length > 140
        ? "Member must have length less than or equal to 140"
        : text.length < 1
          ? "Member must have length greater than or equal to 1"
          : `Member must satisfy regular expression pattern: ${FUNCTION_NAME_PATTERN}`;
    throw validationFailed([
      `Value '${text}' at '${member}' failed to satisfy constraint: ${constraint}`,
    ]);
  }
  const region = match[3]?.slice(0, -1);
  const account = match[5]?.slice(0, -1) ?? where.account;
  const name = match[7] ?? "";
  if (region !== undefined && region !== where.region) {
    throw invalidParameter(
      `Functions from '${region}' are not reachable in this region ('${where.region}')`,
    );
  }
  const qualifier = match[9];
  return {
    name,
    account,
    arn: functionArn(where.region, account, name),
    ...(qualifier !== undefined ? { qualifier } : {}),
  };
}
