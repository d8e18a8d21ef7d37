/**
 * CloudFormation's answers as the query protocol renders them: a stored
 * stack as a `Stack` (StackId, StackName, CreationTime, LastUpdatedTime, StackStatus,
 * StackStatusReason, RoleARN, Parameters, Outputs with their ExportName,
 * DeletionTime), an event as a `StackEvent`, a resource as a
 * `StackResource` and an export as an `Export`, with the member
 * names of the CloudFormation API model that the SDK parses.
 */
import type { StackExport } from "../../services/cloudformation/exports.js";
import type { Stack, StackEvent, StackResource } from "../../services/cloudformation/model.js";

/**
 * A stack as DescribeStacks answers it.
 *
 * @example
 * stackShape(stack).StackStatus; // "CREATE_COMPLETE"
 */
export function stackShape(stack: Stack): Record<string, unknown> {
  return {
    StackId: stack.stackId,
    StackName: stack.stackName,
    Parameters: Object.entries(stack.parameters).map(([k, v]) => ({
      ParameterKey: k,
      ParameterValue: v,
    })),
    CreationTime: new Date(stack.creationTimeMs),
    ...(stack.lastUpdatedTimeMs === undefined
      ? {}
      : { LastUpdatedTime: new Date(stack.lastUpdatedTimeMs) }),
    ...(stack.deletionTimeMs === undefined ? {} : { DeletionTime: new Date(stack.deletionTimeMs) }),
    StackStatus: stack.status,
    ...(stack.statusReason === undefined ? {} : { StackStatusReason: stack.statusReason }),
    DisableRollback: false,
    Outputs: stack.outputs.map((o) => ({
      OutputKey: o.key,
      OutputValue: o.value,
      ...(o.description === undefined ? {} : { Description: o.description }),
      ...(o.exportName === undefined ? {} : { ExportName: o.exportName }),
    })),
    ...(stack.roleArn === undefined ? {} : { RoleARN: stack.roleArn }),
  };
}

/**
 * An event as DescribeStackEvents answers it.
 *
 * @example
 * eventShape(event).ResourceStatus; // "CREATE_FAILED"
 */
export function eventShape(e: StackEvent): Record<string, unknown> {
  return {
    StackId: e.stackId,
    EventId: e.eventId,
    StackName: e.stackName,
    LogicalResourceId: e.logicalResourceId,
    PhysicalResourceId: e.physicalResourceId,
    ResourceType: e.resourceType,
    Timestamp: new Date(e.timestampMs),
    ResourceStatus: e.resourceStatus,
    ...(e.resourceStatusReason === undefined
      ? {}
      : { ResourceStatusReason: e.resourceStatusReason }),
  };
}

/**
 * A resource as DescribeStackResources answers it.
 *
 * @example
 * resourceShape(stack, resource).PhysicalResourceId; // "app-Role-ABC…"
 */
export function resourceShape(stack: Stack, r: StackResource): Record<string, unknown> {
  return {
    StackName: stack.stackName,
    StackId: stack.stackId,
    LogicalResourceId: r.logicalId,
    PhysicalResourceId: r.physicalId,
    ResourceType: r.type,
    Timestamp: new Date(r.timestampMs),
    ResourceStatus: r.status,
    ...(r.statusReason === undefined ? {} : { ResourceStatusReason: r.statusReason }),
  };
}

/**
 * An export as ListExports answers it.
 *
 * @example
 * exportShape(e); // { ExportingStackId: "arn:…", Name: "accesslab-demo-SubnetA", Value: "subnet-…" }
 */
export function exportShape(e: StackExport): Record<string, unknown> {
  return { ExportingStackId: e.stackId, Name: e.name, Value: e.value };
}
