/**
 * The `AWS::Serverless::*` resource types the SAM transform knows, and which
 * of them accesslab expands. The others are left out of the expanded
 * template with a warning: known ones as `sam-resource-not-modelled`,
 * unknown ones as `sam-unknown-resource-type`.
 */

/** The SAM transform's identifier in `Transform`. */
export const SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

/** The SAM function type, the one accesslab expands. */
export const SAM_FUNCTION = "AWS::Serverless::Function";

/**
 * SAM resource types accesslab reads past without expanding.
 *
 * @example
 * KNOWN_NOT_MODELLED.has("AWS::Serverless::SimpleTable"); // true
 */
export const KNOWN_NOT_MODELLED: ReadonlySet<string> = new Set([
  "AWS::Serverless::Api",
  "AWS::Serverless::HttpApi",
  "AWS::Serverless::SimpleTable",
  "AWS::Serverless::StateMachine",
  "AWS::Serverless::LayerVersion",
  "AWS::Serverless::Application",
  "AWS::Serverless::Connector",
  "AWS::Serverless::GraphQLApi",
  "AWS::Serverless::CapacityProvider",
]);

/**
 * Function properties for which the SAM transform generates further
 * resources (versions, aliases, URLs, deployment groups, event invoke
 * configs) that accesslab does not create; each is reported as
 * `sam-property-not-modelled`.
 *
 * @example
 * FUNCTION_PROPERTIES_NOT_MODELLED.includes("AutoPublishAlias"); // true
 */
export const FUNCTION_PROPERTIES_NOT_MODELLED: readonly string[] = [
  "AutoPublishAlias",
  "DeploymentPreference",
  "FunctionUrlConfig",
  "ProvisionedConcurrencyConfig",
  "EventInvokeConfig",
];
