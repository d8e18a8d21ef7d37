/**
 * The `eventSource` of a record: the service's endpoint prefix followed by
 * `.amazonaws.com`, as CloudTrail writes it (EFS is
 * `elasticfilesystem.amazonaws.com`).
 */

const ENDPOINT_PREFIXES: Readonly<Record<string, string>> = { efs: "elasticfilesystem" };

/**
 * The CloudTrail event source of a routed service.
 *
 * @example
 * eventSource("efs"); // "elasticfilesystem.amazonaws.com"
 * eventSource("iam"); // "iam.amazonaws.com"
 */
export function eventSource(service: string): string {
  return `${ENDPOINT_PREFIXES[service] ?? service}.amazonaws.com`;
}
