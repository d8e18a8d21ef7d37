/**
 * `accesslab deploy --endpoint URL`: CreateStack on a running `accesslab
 * serve` (or any CloudFormation endpoint), signed with SigV4 as the
 * credentials in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN
 * (the bootstrap `test`/`test` without them), then DescribeStackEvents
 * polled until the stack reaches a final status, each new event handed to
 * `onEvent` as it appears. A refusal is a `CliError` with the service's
 * code and message.
 */
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "../../protocol/sha256.js";
import { DEFAULT_REGION } from "../../services/context.js";
import { CliError } from "../cli-error.js";
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

/**
 * Creates the stack and follows its events; answers them all, oldest first.
 *
 * @example
 * await deployRemote({ endpoint: "http://127.0.0.1:4566", stackName: "app", templateBody, parameters: {} }, print);
 */
export async function deployRemote(
  request: RemoteDeploy,
  onEvent: (event: DeployEvent) => void,
): Promise<DeployEvent[]> {
  const form: Record<string, string> = {
    StackName: request.stackName,
    TemplateBody: request.templateBody,
    ...(request.roleArn === undefined ? {} : { RoleARN: request.roleArn }),
  };
  Object.entries(request.parameters).forEach(([k, v], i) => {
    form[`Parameters.member.${i + 1}.ParameterKey`] = k;
    form[`Parameters.member.${i + 1}.ParameterValue`] = v;
  });
  const created = await call(request.endpoint, "CreateStack", form);
  const stackId = xmlField(created, "StackId") ?? request.stackName;
  const seen = new Set<string>();
  const all: DeployEvent[] = [];
  const deadline = Date.now() + POLL_TIMEOUT_MS;
  for (;;) {
    const body = await call(request.endpoint, "DescribeStackEvents", { StackName: stackId });
    const fresh = xmlMembers(body, "StackEvents")
      .reverse()
      .map(toEvent)
      .filter((e) => !seen.has(e.eventId));
    for (const e of fresh) {
      seen.add(e.eventId);
      all.push(e);
      onEvent(e);
    }
    if (finalStatus(all, request.stackName) !== undefined) return all;
    if (Date.now() > deadline)
      throw new CliError(
        `stack \`${request.stackName}\` did not finish within ${POLL_TIMEOUT_MS / 60_000} minutes`,
      );
    await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
  }
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

async function call(
  endpoint: string,
  action: string,
  params: Record<string, string>,
): Promise<string> {
  const url = new URL(endpoint);
  const body = new URLSearchParams({ Action: action, Version: "2010-05-15", ...params }).toString();
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? DEFAULT_REGION;
  const token = process.env.AWS_SESSION_TOKEN;
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? "test",
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? "test",
      ...(token ? { sessionToken: token } : {}),
    },
    region,
    service: "cloudformation",
    sha256: Sha256,
  });
  const signed = await signer.sign({
    method: "POST",
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname || "/",
    query: {},
    headers: { host: url.host, "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    body,
  });
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers: signed.headers, body });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new CliError(
      `cannot reach \`${endpoint}\` (${cause}): start \`accesslab serve\` or use \`--in-memory\``,
    );
  }
  const text = await response.text();
  const refused = xmlError(text);
  if (refused) throw new CliError(`${action} refused: ${refused.code}: ${refused.message}`);
  if (!response.ok) throw new CliError(`${action} answered HTTP ${response.status}`);
  return text;
}
