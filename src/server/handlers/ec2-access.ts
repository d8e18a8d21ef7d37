/**
 * What EC2 calls must be allowed, and how EC2 refuses. Every operation of
 * this slice asks `ec2:<Action>` on `*` (EC2's Describe actions support no
 * resource-level permissions; the creates are kept on `*` too). A refusal
 * is 403 `UnauthorizedOperation`, "You are not authorized to perform this
 * operation." followed by the shared denial wording, which for EC2 names no
 * resource.
 */
import { ProtocolError } from "../../protocol/errors.js";
import type { QueryAccess } from "./query-binding.js";

/**
 * The access ask of an EC2 operation.
 *
 * @example
 * ec2Access(ctx, "DescribeVpcs", params, caller); // [{ action: "ec2:DescribeVpcs", resource: "*" }]
 */
export const ec2Access: QueryAccess = (_ctx, operation) => [
  { action: `ec2:${operation}`, resource: "*" },
];

/**
 * EC2's refusal for a denied call.
 *
 * @example
 * ec2Denied("User: arn:aws:iam::000000000000:user/bob is not authorized to perform: ec2:CreateVpc on resource: * because …").code;
 * // "UnauthorizedOperation"
 */
export function ec2Denied(message: string): ProtocolError {
  const wording = message.replace(/ on resource: \* (?=because|with)/, " ");
  return new ProtocolError(
    "UnauthorizedOperation",
    403,
    `You are not authorized to perform this operation. ${wording}`,
  );
}
