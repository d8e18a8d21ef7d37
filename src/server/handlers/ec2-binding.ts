/**
 * EC2 as a binding for the chain: the EC2 query handlers, each asking
 * `ec2:<Action>` on `*`, refused with `UnauthorizedOperation`.
 */
import { EC2_HANDLERS } from "./ec2.js";
import { ec2Access, ec2Denied } from "./ec2-access.js";
import type { ServiceBinding } from "./handler.js";
import { queryBinding } from "./query-binding.js";

/**
 * The EC2 binding.
 *
 * @example
 * EC2_BINDING.plan(ctx, route, call).operation; // "DescribeVpcs"
 */
export const EC2_BINDING: ServiceBinding = queryBinding("ec2", EC2_HANDLERS, ec2Access, ec2Denied);
