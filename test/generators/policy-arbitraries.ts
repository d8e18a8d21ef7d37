/**
 * fast-check arbitraries for well-formed IAM authorization scenarios: a
 * caller (IAM users, role sessions, federated users, account roots, service
 * principals, anonymous callers, in two accounts), a request for one action
 * from a small realistic pool on a real-looking resource ARN of the right
 * type, a request context, and the policies in force (identity policies,
 * resource or trust policy, permissions boundary, session policy, SCP and
 * RCP levels). Scenarios are plain IAM JSON so that any engine can consume
 * them: `toPolicySetInput` and `toAuthorizationRequest` turn one into
 * accesslab's engine input, and the differential test maps the same value
 * onto its peer. What may appear is controlled by a {@link PolicyFeatures}
 * value; policy elements are drawn with a bias towards the request (its
 * action, resource, principal and context values) so that a fair share of
 * statements applies and decisions are not all implicit denies.
 */
import fc from "fast-check";
import type {
  AuthorizationRequest,
  NamedPolicy,
  PolicySetInput,
} from "../../src/engines/policy/index.js";
import { parsePolicyValue } from "../../src/engines/policy/parse.js";

/** The two accounts of every scenario: A hosts most things, B is the "other" account. */
export const ACCOUNT_A = "111122223333";
/** The second account, used for cross-account requests. */
export const ACCOUNT_B = "444455556666";
/** Both accounts. */
export const ACCOUNTS = [ACCOUNT_A, ACCOUNT_B] as const;
const REGION = "us-east-1";

/** A principal value as written in a policy's `Principal` element. */
export type IamPrincipal =
  | "*"
  | {
      AWS?: string | string[];
      Service?: string | string[];
    };

/** A Condition block: operator, then key, then one value or several. */
export type IamCondition = Record<string, Record<string, string | string[]>>;

/** One statement of an IAM JSON policy. */
export interface IamStatement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: IamPrincipal;
  NotPrincipal?: IamPrincipal;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: IamCondition;
}

/** An IAM JSON policy document. */
export interface IamPolicy {
  Version: "2012-10-17";
  Statement: IamStatement[];
}

/** The caller kinds a scenario can have. */
export type CallerKind =
  | "user"
  | "role-session"
  | "federated-user"
  | "root"
  | "service"
  | "anonymous";

/** The caller of a scenario. `account` is absent for service principals and anonymous callers. */
export interface CallerSpec {
  readonly kind: CallerKind;
  /** The principal string accesslab takes (`anonymous` for unsigned requests). */
  readonly principal: string;
  readonly account?: string;
}

/** The request of a scenario, engine-neutral. */
export interface ScenarioRequest {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount: string;
  readonly context: Record<string, string | string[]>;
}

/** The policy kinds a statement generator knows. `trust` is a role trust policy (no Resource). */
export type StatementKind =
  | "identity"
  | "resource"
  | "trust"
  | "boundary"
  | "session"
  | "scp"
  | "rcp";

/** One generated scenario: a caller, a request and every policy in force. */
export interface Scenario {
  readonly caller: CallerSpec;
  readonly request: ScenarioRequest;
  readonly identityPolicies: IamPolicy[];
  readonly resourcePolicy?: IamPolicy;
  readonly permissionsBoundary?: IamPolicy;
  readonly sessionPolicy?: IamPolicy;
  /** One array per organization level, root first; empty when no organization is in force. */
  readonly serviceControlPolicies: IamPolicy[][];
  /** One array per organization level, root first; each level holds `RCPFullAWSAccess`. */
  readonly resourceControlPolicies: IamPolicy[][];
}

/** Condition operator families the generator can draw from. */
export type ConditionFamily = "String" | "Numeric" | "Date" | "Bool" | "IpAddress" | "Arn" | "Null";

/** What a generated scenario may contain. */
export interface PolicyFeatures {
  readonly callers: readonly CallerKind[];
  /** Principal and resource in different accounts. */
  readonly crossAccount: boolean;
  /** Actions requests are drawn from (keys of {@link ACTION_RESOURCE_TYPES}). */
  readonly actions: readonly string[];
  readonly notAction: boolean;
  readonly notResource: boolean;
  /** `NotPrincipal` in resource-policy Deny statements. */
  readonly notPrincipal: boolean;
  /** `*` and `?` inside action and resource patterns (a bare `*` is always possible). */
  readonly wildcards: boolean;
  readonly conditionFamilies: readonly ConditionFamily[];
  readonly ifExists: boolean;
  /** `ForAnyValue:` / `ForAllValues:` on the multivalued keys. */
  readonly setQualifiers: boolean;
  /** `${aws:username}` in S3 resource patterns. */
  readonly policyVariables: boolean;
  readonly resourcePolicy: boolean;
  readonly permissionsBoundary: boolean;
  readonly sessionPolicy: boolean;
  readonly serviceControlPolicies: boolean;
  readonly resourceControlPolicies: boolean;
  /**
   * Put the keys IAM derives from the caller (`aws:PrincipalArn`,
   * `aws:PrincipalAccount`, `aws:PrincipalType`, `aws:username`,
   * `aws:PrincipalIsAWSService`, `aws:PrincipalServiceName`) into the
   * request context, for engines that do not derive them.
   */
  readonly explicitDerivedKeys: boolean;
  readonly maxIdentityPolicies: number;
  readonly maxStatements: number;
}

/** Where each pool action acts, by resource type. */
export const ACTION_RESOURCE_TYPES: Readonly<Record<string, ResourceType>> = {
  "s3:GetObject": "object",
  "s3:PutObject": "object",
  "s3:DeleteObject": "object",
  "s3:ListBucket": "bucket",
  "elasticfilesystem:ClientMount": "file-system",
  "elasticfilesystem:ClientWrite": "file-system",
  "elasticfilesystem:ClientRootAccess": "file-system",
  "secretsmanager:GetSecretValue": "secret",
  "secretsmanager:DescribeSecret": "secret",
  "kms:Decrypt": "key",
  "kms:Encrypt": "key",
  "sts:AssumeRole": "role",
  "lambda:InvokeFunction": "function",
};

/** Resource types of the action pool. */
export type ResourceType =
  | "object"
  | "bucket"
  | "file-system"
  | "secret"
  | "key"
  | "role"
  | "function";

/** Actions of services no pool action belongs to, for statements that can never match. */
export const FOREIGN_ACTIONS = [
  "dynamodb:GetItem",
  "sqs:SendMessage",
  "ec2:DescribeInstances",
  "logs:PutLogEvents",
  "sns:Publish",
  "dynamodb:*",
  "sqs:*",
] as const;

const SERVICE_PRINCIPALS = [
  "lambda.amazonaws.com",
  "ecs-tasks.amazonaws.com",
  "cloudformation.amazonaws.com",
];

/** Every feature on: the widest scenarios the generator makes. */
export const ALL_FEATURES: PolicyFeatures = {
  callers: ["user", "role-session", "federated-user", "root", "service", "anonymous"],
  crossAccount: true,
  actions: Object.keys(ACTION_RESOURCE_TYPES),
  notAction: true,
  notResource: true,
  notPrincipal: true,
  wildcards: true,
  conditionFamilies: ["String", "Numeric", "Date", "Bool", "IpAddress", "Arn", "Null"],
  ifExists: true,
  setQualifiers: true,
  policyVariables: true,
  resourcePolicy: true,
  permissionsBoundary: true,
  sessionPolicy: true,
  serviceControlPolicies: true,
  resourceControlPolicies: true,
  explicitDerivedKeys: false,
  maxIdentityPolicies: 3,
  maxStatements: 3,
};

/**
 * Builds a feature set from {@link ALL_FEATURES} and overrides.
 *
 * @example
 * const narrow = policyFeatures({ callers: ["user"], resourcePolicy: false });
 */
export function policyFeatures(overrides: Partial<PolicyFeatures> = {}): PolicyFeatures {
  return { ...ALL_FEATURES, ...overrides };
}

// ---------------------------------------------------------------- universe

/** The principal ARNs (or names) that exist in the scenarios' universe, by kind. */
export function principalsOf(kind: CallerKind, account: string): string[] {
  switch (kind) {
    case "user":
      return [`arn:aws:iam::${account}:user/alice`, `arn:aws:iam::${account}:user/bob`];
    case "role-session":
      return [
        `arn:aws:sts::${account}:assumed-role/app-role/session-1`,
        `arn:aws:sts::${account}:assumed-role/ops-role/i-0abc123`,
      ];
    case "federated-user":
      return [`arn:aws:sts::${account}:federated-user/dana`];
    case "root":
      return [`arn:aws:iam::${account}:root`];
    case "service":
      return SERVICE_PRINCIPALS;
    case "anonymous":
      return ["anonymous"];
  }
}

/** The resource ARNs of a type in one account. */
export function resourcesOf(type: ResourceType, account: string): string[] {
  switch (type) {
    case "object":
      return ["reports/2024.csv", "home/alice/notes.txt", "public/index.html"].map(
        (key) => `arn:aws:s3:::accesslab-${account}/${key}`,
      );
    case "bucket":
      return [`arn:aws:s3:::accesslab-${account}`];
    case "file-system":
      return ["fs-0123456789abcdef0", "fs-0fedcba9876543210"].map(
        (id) => `arn:aws:elasticfilesystem:${REGION}:${account}:file-system/${id}`,
      );
    case "secret":
      return [
        `arn:aws:secretsmanager:${REGION}:${account}:secret:db-password-AbCdEf`,
        `arn:aws:secretsmanager:${REGION}:${account}:secret:api-key-Gh1jK2`,
      ];
    case "key":
      return [`arn:aws:kms:${REGION}:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`];
    case "role":
      return [`arn:aws:iam::${account}:role/app-role`, `arn:aws:iam::${account}:role/ops-role`];
    case "function":
      return [`arn:aws:lambda:${REGION}:${account}:function:worker`];
  }
}

/** The service prefix of an action (`s3` for `s3:GetObject`). */
export function serviceOf(action: string): string {
  return action.slice(0, action.indexOf(":")).toLowerCase();
}

/** Action patterns that match `action`, from exact to `*`. */
export function actionPatternsFor(action: string, wildcards: boolean): string[] {
  const service = serviceOf(action);
  const name = action.slice(action.indexOf(":") + 1);
  const out = [action, `${service}:${name.toLowerCase()}`, "*"];
  if (wildcards) {
    out.push(`${service}:*`, `${service}:${name.slice(0, 3)}*`, `${service}:${name.slice(0, -1)}?`);
  }
  return out;
}

/** Resource patterns that match `arn`, from exact to `*`. */
export function resourcePatternsFor(arn: string, wildcards: boolean): string[] {
  const out = [arn, "*"];
  if (!wildcards) return out;
  const parts = arn.split(":");
  const resource = parts.slice(5).join(":");
  const cut = Math.max(resource.lastIndexOf("/"), resource.lastIndexOf(":"));
  const head = parts.slice(0, 5);
  if (cut > 0) out.push([...head, `${resource.slice(0, cut + 1)}*`].join(":"));
  out.push([...head, `${resource.slice(0, 3)}*`].join(":"));
  out.push([...head, `${resource.slice(0, -1)}?`].join(":"));
  if (parts[4]) out.push([...parts.slice(0, 4), "*", resource].join(":"));
  if (parts[3]) out.push([...parts.slice(0, 3), "*", ...parts.slice(4)].join(":"));
  out.push(`arn:aws:${parts[2]}:*`);
  return out;
}

// ---------------------------------------------------------------- context

interface ContextKeySpec {
  readonly key: string;
  readonly family: ConditionFamily;
  readonly multi?: boolean;
  /** Values a request may carry. */
  readonly values: readonly (string | string[])[];
  /** Values a policy may test (besides the request's own). */
  readonly policyValues: readonly string[];
  /** Which callers can carry the key. */
  readonly callers?: readonly CallerKind[];
}

const AUTHENTICATED: readonly CallerKind[] = ["user", "role-session", "federated-user", "root"];

const CONTEXT_KEYS: readonly ContextKeySpec[] = [
  {
    key: "aws:SourceIp",
    family: "IpAddress",
    values: ["10.1.2.3", "192.0.2.10", "203.0.113.7"],
    policyValues: ["10.0.0.0/8", "10.1.2.3/32", "192.0.2.0/24", "203.0.113.0/25", "0.0.0.0/0"],
  },
  {
    key: "aws:SecureTransport",
    family: "Bool",
    values: ["true", "false"],
    policyValues: ["true", "false"],
  },
  {
    key: "aws:MultiFactorAuthPresent",
    family: "Bool",
    values: ["true", "false"],
    policyValues: ["true", "false"],
    callers: AUTHENTICATED,
  },
  {
    key: "aws:MultiFactorAuthAge",
    family: "Numeric",
    values: ["0", "300", "3600", "86400"],
    policyValues: ["0", "300", "3600", "7200"],
    callers: AUTHENTICATED,
  },
  {
    key: "aws:CurrentTime",
    family: "Date",
    values: ["2024-06-01T12:00:00Z", "2025-03-15T08:30:00Z"],
    policyValues: ["2024-01-01T00:00:00Z", "2024-06-01T12:00:00Z", "2025-01-01T00:00:00Z"],
  },
  {
    key: "aws:PrincipalTag/team",
    family: "String",
    values: ["storage", "payments"],
    policyValues: ["storage", "Storage", "pay*", "st?rage", "payments"],
    callers: ["user", "role-session"],
  },
  {
    key: "aws:RequestedRegion",
    family: "String",
    values: ["us-east-1", "eu-west-1"],
    policyValues: ["us-east-1", "eu-*", "US-EAST-1"],
  },
  {
    key: "aws:SourceVpce",
    family: "String",
    values: ["vpce-0a1b2c3d", "vpce-99999999"],
    policyValues: ["vpce-0a1b2c3d", "vpce-*"],
  },
  {
    key: "aws:PrincipalOrgID",
    family: "String",
    values: ["o-a1b2c3d4e5", "o-zzzzzzzzzz"],
    policyValues: ["o-a1b2c3d4e5", "o-*"],
    callers: AUTHENTICATED,
  },
  {
    key: "aws:SourceArn",
    family: "Arn",
    values: [
      `arn:aws:lambda:${REGION}:${ACCOUNT_A}:function:worker`,
      `arn:aws:cloudformation:${REGION}:${ACCOUNT_B}:stack/app/1a2b3c4d`,
    ],
    policyValues: [
      `arn:aws:lambda:${REGION}:${ACCOUNT_A}:function:worker`,
      `arn:aws:lambda:*:${ACCOUNT_A}:function:*`,
      `arn:aws:cloudformation:*:*:stack/*`,
    ],
  },
  {
    key: "aws:TagKeys",
    family: "String",
    multi: true,
    values: [["env"], ["env", "team"], ["owner"]],
    policyValues: ["env", "team", "owner", "e*"],
  },
  {
    key: "aws:CalledVia",
    family: "String",
    multi: true,
    values: [
      ["cloudformation.amazonaws.com"],
      ["athena.amazonaws.com", "cloudformation.amazonaws.com"],
    ],
    policyValues: ["cloudformation.amazonaws.com", "athena.amazonaws.com"],
    callers: AUTHENTICATED,
  },
];

/** Derived keys conditions may test; their request values come from the caller. */
const DERIVED_KEYS: readonly ContextKeySpec[] = [
  {
    key: "aws:PrincipalArn",
    family: "Arn",
    values: [],
    policyValues: [
      `arn:aws:iam::${ACCOUNT_A}:user/alice`,
      `arn:aws:iam::${ACCOUNT_A}:role/app-role`,
      `arn:aws:iam::${ACCOUNT_A}:*`,
      `arn:aws:iam::*:role/*`,
    ],
  },
  {
    key: "aws:PrincipalAccount",
    family: "String",
    values: [],
    policyValues: [ACCOUNT_A, ACCOUNT_B],
  },
  { key: "aws:username", family: "String", values: [], policyValues: ["alice", "bob", "a*"] },
  {
    key: "aws:PrincipalType",
    family: "String",
    values: [],
    policyValues: ["User", "AssumedRole", "Account", "FederatedUser"],
  },
];

/**
 * The context keys IAM derives from a caller, with their values (role
 * sessions have the role ARN as `aws:PrincipalArn`).
 *
 * @example
 * derivedContext({ kind: "user", principal: "arn:aws:iam::111122223333:user/alice", account: "111122223333" });
 * // { "aws:PrincipalArn": "arn:aws:iam::111122223333:user/alice", ... }
 */
export function derivedContext(caller: CallerSpec): Record<string, string> {
  const out: Record<string, string> = {};
  if (caller.kind === "anonymous") {
    out["aws:PrincipalType"] = "Anonymous";
    return out;
  }
  if (caller.kind === "service") {
    out["aws:PrincipalServiceName"] = caller.principal;
    out["aws:PrincipalIsAWSService"] = "true";
    return out;
  }
  const account = caller.account ?? ACCOUNT_A;
  out["aws:PrincipalAccount"] = account;
  out["aws:PrincipalIsAWSService"] = "false";
  switch (caller.kind) {
    case "user":
      out["aws:PrincipalArn"] = caller.principal;
      out["aws:PrincipalType"] = "User";
      out["aws:username"] = caller.principal.slice(caller.principal.lastIndexOf("/") + 1);
      break;
    case "role-session": {
      const role = caller.principal.split("/")[1] ?? "";
      out["aws:PrincipalArn"] = `arn:aws:iam::${account}:role/${role}`;
      out["aws:PrincipalType"] = "AssumedRole";
      break;
    }
    case "federated-user":
      out["aws:PrincipalArn"] = caller.principal;
      out["aws:PrincipalType"] = "FederatedUser";
      break;
    case "root":
      out["aws:PrincipalArn"] = caller.principal;
      out["aws:PrincipalType"] = "Account";
      break;
  }
  return out;
}

// ---------------------------------------------------------------- callers and requests

/**
 * A caller of one of the feature set's kinds, in either account.
 *
 * @example
 * fc.sample(callerArb(ALL_FEATURES), 1)[0]?.kind; // e.g. "role-session"
 */
export function callerArb(features: PolicyFeatures): fc.Arbitrary<CallerSpec> {
  return fc.constantFrom(...features.callers).chain((kind): fc.Arbitrary<CallerSpec> => {
    if (kind === "service" || kind === "anonymous") {
      return fc
        .constantFrom(...principalsOf(kind, ACCOUNT_A))
        .map((principal) => ({ kind, principal }));
    }
    const accounts = features.crossAccount ? ACCOUNTS : [ACCOUNT_A];
    return fc
      .constantFrom(...accounts)
      .chain((account) =>
        fc
          .constantFrom(...principalsOf(kind, account))
          .map((principal) => ({ kind, principal, account })),
      );
  });
}

/** A request context for `caller`: each applicable key present or not, plus derived keys when asked. */
export function contextArb(
  caller: CallerSpec,
  features: PolicyFeatures,
): fc.Arbitrary<Record<string, string | string[]>> {
  const specs = CONTEXT_KEYS.filter(
    (spec) =>
      (!spec.callers || spec.callers.includes(caller.kind)) &&
      features.conditionFamilies.includes(spec.family),
  );
  const entries = specs.map((spec) =>
    fc.option(
      fc.constantFrom(...spec.values).map((value) => [spec.key, value] as const),
      { nil: undefined, freq: 2 },
    ),
  );
  return fc.tuple(...entries).map((pairs) => {
    const out: Record<string, string | string[]> = features.explicitDerivedKeys
      ? derivedContext(caller)
      : {};
    for (const pair of pairs)
      if (pair) out[pair[0]] = Array.isArray(pair[1]) ? [...pair[1]] : pair[1];
    return out;
  });
}

/**
 * A request by `caller` for a pool action on a resource of the right type,
 * in the caller's account or (when allowed) the other one.
 */
export function requestArb(
  caller: CallerSpec,
  features: PolicyFeatures,
): fc.Arbitrary<ScenarioRequest> {
  const home = caller.account ?? ACCOUNT_A;
  const accounts = features.crossAccount
    ? [home, home, ACCOUNTS.find((a) => a !== home) ?? ACCOUNT_B]
    : [home];
  return fc
    .record({
      action: fc.constantFrom(...features.actions),
      account: fc.constantFrom(...accounts),
      pick: fc.nat(),
      context: contextArb(caller, features),
    })
    .map(({ action, account, pick, context }) => {
      const type = ACTION_RESOURCE_TYPES[action] ?? "object";
      const resources = resourcesOf(type, account);
      const resource = resources[pick % resources.length] ?? resources[0] ?? "*";
      return { principal: caller.principal, action, resource, resourceAccount: account, context };
    });
}

// ---------------------------------------------------------------- statements

/** What statement generators look at: the request they are biased towards and the features. */
export interface GenerationContext {
  readonly caller: CallerSpec;
  readonly request: ScenarioRequest;
  readonly features: PolicyFeatures;
}

function oneOrMany(values: fc.Arbitrary<string>, max = 2): fc.Arbitrary<string | string[]> {
  return fc.oneof(
    { weight: 3, arbitrary: values },
    { weight: 1, arbitrary: fc.uniqueArray(values, { minLength: 1, maxLength: max }) },
  );
}

/** Action patterns, biased towards the request's action; for SCPs/RCPs, also `*`. */
export function actionPatternArb(
  g: GenerationContext,
  pool?: readonly string[],
): fc.Arbitrary<string> {
  const actions = pool ?? g.features.actions;
  const near = actionPatternsFor(g.request.action, g.features.wildcards);
  const far = actions.flatMap((a) => actionPatternsFor(a, g.features.wildcards));
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...near) },
    { weight: 2, arbitrary: fc.constantFrom(...far) },
  );
}

/** Resource patterns, biased towards the request's resource. */
export function resourcePatternArb(g: GenerationContext): fc.Arbitrary<string> {
  const near = resourcePatternsFor(g.request.resource, g.features.wildcards);
  const type = ACTION_RESOURCE_TYPES[g.request.action] ?? "object";
  const far = [
    ...new Set(g.features.actions.map((a) => ACTION_RESOURCE_TYPES[a] ?? "object")),
  ].flatMap((t) => ACCOUNTS.flatMap((account) => resourcesOf(t, account)));
  const variables =
    g.features.policyVariables && type === "object"
      ? ACCOUNTS.map((account) => `arn:aws:s3:::accesslab-${account}/home/\${aws:username}/*`)
      : [];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...near) },
    { weight: 2, arbitrary: fc.constantFrom(...far) },
    {
      weight: variables.length > 0 ? 1 : 0,
      arbitrary: fc.constantFrom(...(variables.length ? variables : ["*"])),
    },
  );
}

/** Values for the `AWS` part of a Principal element, biased towards the caller. */
function awsPrincipalValues(g: GenerationContext): string[] {
  const out = new Set<string>();
  const { caller } = g;
  if (caller.account) {
    out.add(caller.account);
    out.add(`arn:aws:iam::${caller.account}:root`);
    if (caller.kind === "role-session") {
      const role = caller.principal.split("/")[1] ?? "";
      out.add(`arn:aws:iam::${caller.account}:role/${role}`);
    }
    if (caller.kind !== "root") out.add(caller.principal);
  }
  for (const account of ACCOUNTS) {
    out.add(`arn:aws:iam::${account}:root`);
    out.add(`arn:aws:iam::${account}:user/bob`);
    out.add(`arn:aws:iam::${account}:role/app-role`);
  }
  return [...out];
}

/** A Principal element for a resource or trust policy. */
export function principalElementArb(g: GenerationContext): fc.Arbitrary<IamPrincipal> {
  const aws = awsPrincipalValues(g);
  const near = aws.slice(0, 4);
  const awsValue = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...near) },
    { weight: 2, arbitrary: fc.constantFrom(...aws) },
  );
  const service = fc.constantFrom(...SERVICE_PRINCIPALS);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<IamPrincipal>("*") },
    { weight: 1, arbitrary: fc.constant<IamPrincipal>({ AWS: "*" }) },
    { weight: 5, arbitrary: oneOrMany(awsValue).map((AWS): IamPrincipal => ({ AWS })) },
    { weight: 2, arbitrary: oneOrMany(service).map((Service): IamPrincipal => ({ Service })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(awsValue, service)
        .map(([AWS, Service]): IamPrincipal => ({ AWS, Service })),
    },
  );
}

const STRING_OPERATORS = [
  "StringEquals",
  "StringNotEquals",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "StringLike",
  "StringNotLike",
];
const OPERATORS: Record<ConditionFamily, readonly string[]> = {
  String: STRING_OPERATORS,
  Numeric: [
    "NumericEquals",
    "NumericNotEquals",
    "NumericLessThan",
    "NumericLessThanEquals",
    "NumericGreaterThan",
    "NumericGreaterThanEquals",
  ],
  Date: [
    "DateEquals",
    "DateNotEquals",
    "DateLessThan",
    "DateLessThanEquals",
    "DateGreaterThan",
    "DateGreaterThanEquals",
  ],
  Bool: ["Bool"],
  IpAddress: ["IpAddress", "NotIpAddress"],
  Arn: ["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"],
  Null: ["Null"],
};

interface ConditionPart {
  readonly operator: string;
  readonly key: string;
  readonly values: string[];
}

/** One condition (operator, key, values) over a key the scenario knows. */
export function conditionPartArb(g: GenerationContext): fc.Arbitrary<ConditionPart> {
  const { features } = g;
  const derived = derivedContext(g.caller);
  const all = [...CONTEXT_KEYS, ...DERIVED_KEYS];
  const typed = all.filter(
    (spec) =>
      spec.family !== "Null" &&
      features.conditionFamilies.includes(spec.family) &&
      (!spec.multi || features.setQualifiers),
  );
  const nullArb = fc
    .record({ spec: fc.constantFrom(...all), value: fc.constantFrom("true", "false") })
    .map(({ spec, value }) => ({ operator: "Null", key: spec.key, values: [value] }));
  const typedArb = fc.constantFrom(...(typed.length > 0 ? typed : all)).chain((spec) => {
    const own = g.request.context[spec.key] ?? derived[spec.key];
    const ownValues = own === undefined ? [] : Array.isArray(own) ? own : [own];
    const candidates = [...new Set([...ownValues, ...spec.policyValues])];
    const operators =
      spec.family === "Arn"
        ? [...OPERATORS.Arn, "StringEquals", "StringLike"]
        : OPERATORS[spec.family];
    return fc
      .record({
        operator: fc.constantFrom(...operators),
        ifExists: features.ifExists ? fc.boolean() : fc.constant(false),
        qualifier: fc.constantFrom("ForAnyValue:", "ForAllValues:"),
        values: fc.uniqueArray(fc.constantFrom(...candidates), { minLength: 1, maxLength: 2 }),
      })
      .map(({ operator, ifExists, qualifier, values }) => {
        const base = spec.multi ? `${qualifier}${operator}` : operator;
        return { operator: ifExists ? `${base}IfExists` : base, key: spec.key, values };
      });
  });
  const nullable = features.conditionFamilies.includes("Null");
  if (typed.length === 0) return nullArb;
  if (!nullable) return typedArb;
  return fc.oneof({ weight: 5, arbitrary: typedArb }, { weight: 1, arbitrary: nullArb });
}

/** A Condition block of one to three conditions (merged per operator; duplicate keys dropped). */
export function conditionArb(g: GenerationContext): fc.Arbitrary<IamCondition> {
  return fc.array(conditionPartArb(g), { minLength: 1, maxLength: 3 }).map((parts) => {
    const out: IamCondition = {};
    for (const part of parts) {
      const block = out[part.operator] ?? {};
      if (block[part.key] !== undefined) continue;
      block[part.key] = part.values.length === 1 ? (part.values[0] ?? "") : part.values;
      out[part.operator] = block;
    }
    return out;
  });
}

/**
 * One statement for a policy of `kind`, well-formed for that kind: resource
 * and trust policies carry a Principal (or, for Deny, possibly NotPrincipal),
 * trust policies have no Resource, RCP statements are Deny with `Principal: "*"`
 * on RCP-enabled services, SCP statements have no Principal.
 *
 * @example
 * fc.sample(statementArb("identity", g), 1)[0]?.Effect; // "Allow" or "Deny"
 */
export function statementArb(
  kind: StatementKind,
  g: GenerationContext,
): fc.Arbitrary<IamStatement> {
  const { features } = g;
  const rcpActions = ["s3:*", "sts:*", "kms:*", "secretsmanager:*", "s3:GetObject", "kms:Decrypt"];
  const actionValues = kind === "rcp" ? fc.constantFrom(...rcpActions) : actionPatternArb(g);
  const trustActions = fc.constantFrom("sts:AssumeRole", "sts:*", "sts:Assume*", "*");
  return fc
    .record({
      effect:
        kind === "rcp"
          ? fc.constant<"Deny">("Deny")
          : fc.oneof(
              { weight: 7, arbitrary: fc.constant<"Allow">("Allow") },
              { weight: 3, arbitrary: fc.constant<"Deny">("Deny") },
            ),
      action: oneOrMany(kind === "trust" ? trustActions : actionValues),
      negateAction:
        features.notAction && kind !== "rcp" && kind !== "trust" ? fc.nat(4) : fc.constant(1),
      resource: oneOrMany(resourcePatternArb(g)),
      negateResource: features.notResource && kind !== "trust" ? fc.nat(4) : fc.constant(1),
      principal: principalElementArb(g),
      negatePrincipal: features.notPrincipal ? fc.nat(4) : fc.constant(1),
      condition: fc.option(conditionArb(g), { nil: undefined, freq: 2 }),
    })
    .map((r) => {
      const s: IamStatement = { Effect: r.effect };
      if (kind === "resource" || kind === "trust") {
        if (r.effect === "Deny" && r.negatePrincipal === 0 && r.principal !== "*")
          s.NotPrincipal = r.principal;
        else s.Principal = r.principal;
      } else if (kind === "rcp") {
        s.Principal = "*";
      }
      if (r.negateAction === 0) s.NotAction = r.action;
      else s.Action = r.action;
      if (kind !== "trust") {
        if (r.negateResource === 0) s.NotResource = r.resource;
        else s.Resource = r.resource;
      }
      if (r.condition) s.Condition = r.condition;
      return s;
    });
}

/** A policy of `kind` with one to `features.maxStatements` statements. */
export function policyArb(kind: StatementKind, g: GenerationContext): fc.Arbitrary<IamPolicy> {
  return fc
    .array(statementArb(kind, g), { minLength: 1, maxLength: g.features.maxStatements })
    .map((Statement) => ({ Version: "2012-10-17", Statement }));
}

/** `FullAWSAccess`, the SCP AWS attaches by default. */
export const FULL_AWS_ACCESS: IamPolicy = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
};

/** `RCPFullAWSAccess`, the RCP AWS attaches by default. */
export const RCP_FULL_AWS_ACCESS: IamPolicy = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }],
};

/** SCP levels (one to three), most of them holding `FullAWSAccess`. */
export function scpLevelsArb(g: GenerationContext): fc.Arbitrary<IamPolicy[][]> {
  const level = fc
    .record({
      full: fc.nat(4),
      extra: fc.option(policyArb("scp", g), { nil: undefined, freq: 2 }),
    })
    .map(({ full, extra }) => {
      const policies: IamPolicy[] = [];
      if (full !== 0) policies.push(FULL_AWS_ACCESS);
      if (extra) policies.push(extra);
      if (policies.length === 0) policies.push(FULL_AWS_ACCESS);
      return policies;
    });
  return fc.array(level, { minLength: 1, maxLength: 3 });
}

/** RCP levels (one to three), each holding `RCPFullAWSAccess` and maybe a Deny policy. */
export function rcpLevelsArb(g: GenerationContext): fc.Arbitrary<IamPolicy[][]> {
  const level = fc
    .option(policyArb("rcp", g), { nil: undefined, freq: 2 })
    .map((extra) => (extra ? [RCP_FULL_AWS_ACCESS, extra] : [RCP_FULL_AWS_ACCESS]));
  return fc.array(level, { minLength: 1, maxLength: 3 });
}

function optional<T>(
  enabled: boolean,
  arb: fc.Arbitrary<T>,
  freq = 2,
): fc.Arbitrary<T | undefined> {
  return enabled ? fc.option(arb, { nil: undefined, freq }) : fc.constant(undefined);
}

/**
 * The policies in force for a request, as AWS would have them: no
 * identity-side policies for service principals and anonymous callers, no
 * identity policies, boundary or session policy for the account root, no
 * SCPs except for callers of the organization's accounts, session policies
 * only for sessions, and always a key policy (KMS) or trust policy (STS).
 */
export function policiesArb(g: GenerationContext): fc.Arbitrary<Scenario> {
  const { caller, features } = g;
  const principalSide = caller.kind !== "service" && caller.kind !== "anonymous";
  const identityCapable = principalSide && caller.kind !== "root";
  const type = ACTION_RESOURCE_TYPES[g.request.action];
  const needsResourcePolicy = type === "key" || type === "role";
  const resourceKind: StatementKind = type === "role" ? "trust" : "resource";
  const resourcePolicy = needsResourcePolicy
    ? policyArb(resourceKind, g)
    : optional(features.resourcePolicy, policyArb(resourceKind, g), 1);
  return fc
    .record({
      identityPolicies: identityCapable
        ? fc.array(policyArb("identity", g), {
            minLength: 0,
            maxLength: features.maxIdentityPolicies,
          })
        : fc.constant<IamPolicy[]>([]),
      resourcePolicy,
      permissionsBoundary: optional(
        features.permissionsBoundary && (caller.kind === "user" || caller.kind === "role-session"),
        policyArb("boundary", g),
        3,
      ),
      sessionPolicy: optional(
        features.sessionPolicy &&
          (caller.kind === "role-session" || caller.kind === "federated-user"),
        policyArb("session", g),
        3,
      ),
      serviceControlPolicies:
        principalSide && features.serviceControlPolicies
          ? fc.oneof(fc.constant<IamPolicy[][]>([]), scpLevelsArb(g))
          : fc.constant<IamPolicy[][]>([]),
      resourceControlPolicies: features.resourceControlPolicies
        ? fc.oneof(fc.constant<IamPolicy[][]>([]), rcpLevelsArb(g))
        : fc.constant<IamPolicy[][]>([]),
    })
    .map((p) => ({
      caller,
      request: g.request,
      identityPolicies: p.identityPolicies,
      serviceControlPolicies: p.serviceControlPolicies,
      resourceControlPolicies: p.resourceControlPolicies,
      ...(p.resourcePolicy ? { resourcePolicy: p.resourcePolicy } : {}),
      ...(p.permissionsBoundary ? { permissionsBoundary: p.permissionsBoundary } : {}),
      ...(p.sessionPolicy ? { sessionPolicy: p.sessionPolicy } : {}),
    }));
}

/**
 * A whole scenario within `features`.
 *
 * @example
 * fc.assert(fc.property(scenarioArb(ALL_FEATURES), (s) => s.request.action.includes(":")));
 */
export function scenarioArb(features: PolicyFeatures = ALL_FEATURES): fc.Arbitrary<Scenario> {
  return callerArb(features).chain((caller) =>
    requestArb(caller, features).chain((request) => policiesArb({ caller, request, features })),
  );
}

/**
 * An Allow statement that can never apply to `request`: its actions belong
 * to services the request does not use. Shaped for `kind` (with a
 * Principal for resource policies).
 */
export function unmatchableAllowArb(
  request: ScenarioRequest,
  kind: StatementKind,
): fc.Arbitrary<IamStatement> {
  const service = serviceOf(request.action);
  const foreign = FOREIGN_ACTIONS.filter((a) => serviceOf(a) !== service);
  return fc
    .record({
      action: oneOrMany(fc.constantFrom(...foreign)),
      resource: fc.constantFrom("*", request.resource),
    })
    .map(({ action, resource }) => {
      const s: IamStatement = { Effect: "Allow", Action: action };
      if (kind !== "trust") s.Resource = resource;
      if (kind === "resource" || kind === "trust" || kind === "rcp") s.Principal = "*";
      return s;
    });
}

// ---------------------------------------------------------------- accesslab input

function named(name: string, policy: IamPolicy): NamedPolicy {
  const result = parsePolicyValue(policy);
  if (!result.policy || result.issues.length > 0) {
    const issues = result.issues.map((i) => i.message).join("; ");
    throw new Error(`generator produced an unparseable policy \`${name}\`: ${issues}`);
  }
  return { name, document: result.policy };
}

/**
 * The accesslab policy set of a scenario.
 *
 * @example
 * const set = compilePolicySet(toPolicySetInput(scenario));
 */
export function toPolicySetInput(s: Scenario): PolicySetInput {
  return {
    identityPolicies: s.identityPolicies.map((p, i) => named(`identity-${i}`, p)),
    serviceControlPolicies: s.serviceControlPolicies.map((level, l) =>
      level.map((p, i) => named(`scp-${l}-${i}`, p)),
    ),
    resourceControlPolicies: s.resourceControlPolicies.map((level, l) =>
      level.map((p, i) => named(`rcp-${l}-${i}`, p)),
    ),
    ...(s.resourcePolicy ? { resourcePolicy: named("resource", s.resourcePolicy) } : {}),
    ...(s.permissionsBoundary
      ? { permissionsBoundary: named("boundary", s.permissionsBoundary) }
      : {}),
    ...(s.sessionPolicy ? { sessionPolicy: named("session", s.sessionPolicy) } : {}),
  };
}

/**
 * The accesslab authorization request of a scenario.
 *
 * @example
 * authorize(set, toAuthorizationRequest(scenario)).decision;
 */
export function toAuthorizationRequest(s: Scenario): AuthorizationRequest {
  const { request } = s;
  return {
    principal: request.principal,
    action: request.action,
    resource: request.resource,
    resourceAccount: request.resourceAccount,
    context: request.context,
  };
}

/** Adds `statement` to a policy (a copy), creating the policy when absent. */
export function withStatement(policy: IamPolicy | undefined, statement: IamStatement): IamPolicy {
  return { Version: "2012-10-17", Statement: [...(policy?.Statement ?? []), statement] };
}
