/**
 * What the Lambda service needs from its surroundings: the store, a clock,
 * a random source (revision ids) and the account and Region it acts in. It
 * also reads IAM roles (through STS's trust decision), EC2 subnets and
 * security groups, and EFS access points and mount targets from the same
 * store.
 */
import type { ServiceContext } from "../context.js";

/** The Lambda service's dependencies: the shared service context. */
export type LambdaContext = ServiceContext;
