/**
 * `accesslab deploy --endpoint URL`: CreateStack on a running `accesslab
 * serve` (or any CloudFormation endpoint), or UpdateStack when the stack
 * already exists, signed with SigV4 as the credentials in
 * AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN (the bootstrap
 * `test`/`test` without them), then DescribeStackEvents polled until the
 * stack reaches a final status, each new event handed to `onEvent` as it
 * appears. An update with nothing to change is reported as such. A
 * refusal is a `CliError` with the service's code and message.
 */
import { CliError } from "../cli-error.js";
import { endpointUrl, signedPost } from "../signed-fetch.js";
import { type DeployEvent, finalStatus } from "./deploy-events.js";
import { xmlError, xmlField, xmlMembers } from "./deploy-xml.js";

/** How often the stack's events are read. */
export const POLL_INTERVAL_MS = 250;
/** How long to wait for a final status before giving up. */
export const POLL_TIMEOUT_MS = 10 * 60_000;

/** What to deploy, and where. */
export interface RemoteDeploy {
  readonly endpoint: string;
  readonly stackName: string;
  readonly templateBody: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly roleArn?: string;
}

/** What a remote deployment did: its events, oldest first, or nothing to change. */
export type RemoteOutcome =
  | { readonly kind: "deployed"; readonly events: DeployEvent[] }
  | { readonly kind: "unchanged" };

/**
 * The capabilities every deployment acknowledges: `accesslab deploy` is a
 * local tool whose templates create roles, so it asks no `--capabilities`
 * of its user (CloudFormation requires them for IAM resources on updates).
 */
const ACKNOWLEDGED_CAPABILITIES = [
  "CAPABILITY_IAM",
  "CAPABILITY_NAMED_IAM",
  "CAPABILITY_AUTO_EXPAND",
];

/** CloudFormation's answer to an UpdateStack that changes nothing. */
const NO_UPDATES = "No updates are to be performed.";

/**
 * Creates (or updates) the stack and follows its events.
 *
 * @example
 * await deployRemote({ endpoint: "http://127.0.0.1:4566", stackName: "app", templateBody, parameters: {} }, print);
 */
export async function deployRemote(
  request: RemoteDeploy,
  onEvent: (event: DeployEvent) => void,
): Promise<RemoteOutcome> {
  const form: Record<string, string> = {
    StackName: request.stackName,
    TemplateBody: request.templateBody,
    ...(request.roleArn === undefined ? {} : { RoleARN: request.roleArn }),
  };
  ACKNOWLEDGED_CAPABILITIES.forEach((c, i) => {
    form[`Capabilities.member.${i + 1}`] = c;
  });
  Object.entries(request.parameters).forEach(([k, v], i) => {
    form[`Parameters.member.${i + 1}.ParameterKey`] = k;
    form[`Parameters.member.${i + 1}.ParameterValue`] = v;
  });
  const created = await send(request.endpoint, "CreateStack", form);
  const seen = new Set<string>();
  let stackId = request.stackName;
  if ("text" in created) stackId = xmlField(created.text, "StackId") ?? stackId;
  else if (created.code === "AlreadyExistsException") {
    for (const e of await stackEvents(request.endpoint, stackId)) seen.add(e.eventId);
    const updated = await send(request.endpoint, "UpdateStack", form);
    if ("code" in updated && updated.message === NO_UPDATES) return { kind: "unchanged" };
    if ("code" in updated) throw refusal("UpdateStack", updated);
  } else throw refusal("CreateStack", created);
  const all: DeployEvent[] = [];
  const deadline = Date.now() + POLL_TIMEOUT_MS;
  for (;;) {
    const fresh = (await stackEvents(request.endpoint, stackId)).filter(
      (e) => !seen.has(e.eventId),
    );
    for (const e of fresh) {
      seen.add(e.eventId);
      all.push(e);
      onEvent(e);
    }
    if (finalStatus(all, request.stackName) !== undefined) return { kind: "deployed", events: all };
    if (Date.now() > deadline)
      throw new CliError(
        `stack \`${request.stackName}\` did not finish within ${POLL_TIMEOUT_MS / 60_000} minutes`,
      );
    await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
  }
}

/**
 * The physical ids of the stack's resources, by logical id.
 *
 * @example
 * (await stackPhysicalIds("http://127.0.0.1:4566", "app")).get("Fn"); // "app-Fn-1A2B3C"
 */
export async function stackPhysicalIds(
  endpoint: string,
  stackName: string,
): Promise<Map<string, string>> {
  const body = await call(endpoint, "DescribeStackResources", { StackName: stackName });
  return new Map(
    xmlMembers(body, "StackResources").map((m) => [
      m.LogicalResourceId ?? "",
      m.PhysicalResourceId ?? "",
    ]),
  );
}

/**
 * The stack's outputs, in template order.
 *
 * @example
 * await stackOutputs("http://127.0.0.1:4566", "smb"); // [{ key: "FunctionName", value: "smb-share-writer" }]
 */
export async function stackOutputs(
  endpoint: string,
  stackName: string,
): Promise<{ key: string; value: string }[]> {
  const body = await call(endpoint, "DescribeStacks", { StackName: stackName });
  return xmlMembers(body, "Outputs").map((m) => ({
    key: m.OutputKey ?? "",
    value: m.OutputValue ?? "",
  }));
}

/** The stack's events, oldest first. */
async function stackEvents(endpoint: string, stackId: string): Promise<DeployEvent[]> {
  const body = await call(endpoint, "DescribeStackEvents", { StackName: stackId });
  return xmlMembers(body, "StackEvents").reverse().map(toEvent);
}

function toEvent(m: Record<string, string>): DeployEvent {
  return {
    eventId: m.EventId ?? "",
    timestamp: new Date(m.Timestamp ?? 0),
    logicalId: m.LogicalResourceId ?? "",
    type: m.ResourceType ?? "",
    status: m.ResourceStatus ?? "",
    ...(m.ResourceStatusReason === undefined ? {} : { reason: m.ResourceStatusReason }),
  };
}

type Answer = { readonly text: string } | { readonly code: string; readonly message: string };

function refusal(action: string, answer: { code: string; message: string }): CliError {
  return new CliError(`${action} refused: ${answer.code}: ${answer.message}`);
}

async function call(
  endpoint: string,
  action: string,
  params: Record<string, string>,
): Promise<string> {
  const answer = await send(endpoint, action, params);
  if ("code" in answer) throw refusal(action, answer);
  return answer.text;
}

/** One signed call: its body, or the service's refusal. */
async function send(
  endpoint: string,
  action: string,
  params: Record<string, string>,
): Promise<Answer> {
  const url = endpointUrl(endpoint);
  const body = new URLSearchParams({ Action: action, Version: "2010-05-15", ...params }).toString();
  const response = await signedPost({
    endpoint,
    url,
    service: "cloudformation",
    headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    body,
    hint: "start `accesslab serve` or use `--in-memory`",
  });
  const text = await response.text();
  const refused = xmlError(text);
  if (refused) return refused;
  if (!response.ok) throw new CliError(`${action} answered HTTP ${response.status}`);
  return { text };
}
