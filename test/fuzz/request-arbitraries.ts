/**
 * Random HTTP requests aimed at every door of the server: query-protocol
 * forms with real and made-up actions and parameters, JSON 1.1 bodies with
 * real targets and members of the wrong types, rest-json paths with random
 * labels and bodies, the credentials endpoints, the VPC-endpoint prefix,
 * and plain garbage. Member values mix plausible ids, oversized strings,
 * numbers, nulls, arrays and nested objects, so each service's input
 * checks see every wrong type.
 */
import fc from "fast-check";

/** One generated request. */
export interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const QUERY_ACTIONS = [
  "GetCallerIdentity",
  "AssumeRole",
  "CreateRole",
  "GetRole",
  "DeleteRole",
  "PutRolePolicy",
  "AttachRolePolicy",
  "CreatePolicy",
  "CreateUser",
  "CreateAccessKey",
  "SimulateCustomPolicy",
  "SimulatePrincipalPolicy",
  "CreateVpc",
  "CreateSubnet",
  "CreateSecurityGroup",
  "AuthorizeSecurityGroupIngress",
  "CreateVpcEndpoint",
  "DescribeSubnets",
  "FlyToTheMoon",
];
const VERSIONS = ["2011-06-15", "2010-05-08", "2016-11-15", "1999-01-01", ""];
const TARGETS = [
  "secretsmanager.CreateSecret",
  "secretsmanager.GetSecretValue",
  "secretsmanager.PutResourcePolicy",
  "secretsmanager.ListSecrets",
  "secretsmanager.DeleteSecret",
  "secretsmanager.Nope",
  "AmazonEC2ContainerServiceV20141113.RunTask",
  "garbage",
  ".",
];
const MEMBERS = [
  "Name",
  "SecretId",
  "SecretString",
  "ResourcePolicy",
  "RoleName",
  "RoleArn",
  "RoleSessionName",
  "PolicyDocument",
  "AssumeRolePolicyDocument",
  "CreationToken",
  "FileSystemId",
  "AccessPointId",
  "SubnetId",
  "VpcId",
  "CidrBlock",
  "FunctionName",
  "Role",
  "FileSystemConfigs",
  "PosixUser",
  "RootDirectory",
  "Tags",
  "MaxResults",
  "MaxItems",
  "Marker",
  "NextToken",
  "Policy",
];
const REST_PATHS = [
  "/2015-02-01/file-systems",
  "/2015-02-01/file-systems/{id}",
  "/2015-02-01/file-systems/{id}/policy",
  "/2015-02-01/access-points",
  "/2015-02-01/access-points/{id}",
  "/2015-02-01/mount-targets",
  "/2015-02-01/mount-targets/{id}/security-groups",
  "/2015-02-01/resource-tags/{id}",
  "/2015-03-31/functions",
  "/2015-03-31/functions/{id}",
  "/2015-03-31/functions/{id}/configuration",
  "/v2/credentials/{id}",
  "/latest/api/token",
  "/latest/meta-data/iam/security-credentials/{id}",
  "/_vpce/{id}/",
  "/{id}",
];

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("fs-0123456789abcdef0", "fsap-0123456789abcdef0", "vpc-1", "10.0.0.0/16", "*"),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constant("x".repeat(70_000)),
  fc.constantFrom("{", '{"Statement":[]}', '{"Version":"2012-10-17","Statement":{}}', "%zz", ".."),
);

const leaf = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(-1),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("node"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...MEMBERS), tie("node"), { maxKeys: 3 }),
  ),
})).node;

const jsonBody = fc
  .oneof(
    { weight: 6, arbitrary: fc.dictionary(fc.constantFrom(...MEMBERS), value, { maxKeys: 5 }) },
    { weight: 1, arbitrary: fc.constantFrom("", "{", "[]", "null", '"x"', "\u0000", "{}") },
  )
  .map((v) => (typeof v === "string" ? v : JSON.stringify(v)));

const formBody = fc
  .tuple(
    fc.constantFrom(...QUERY_ACTIONS),
    fc.constantFrom(...VERSIONS),
    fc.array(fc.tuple(fc.constantFrom(...MEMBERS, "Tags.member.1.Key", "SubnetId.1"), text), {
      maxLength: 4,
    }),
  )
  .map(([action, version, params]) =>
    ([["Action", action], ["Version", version], ...params] as [string, string][])
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join("&"),
  );

const FORM = "application/x-www-form-urlencoded; charset=utf-8";

const queryRequest = formBody.map(
  (body): FuzzRequest => ({ method: "POST", path: "/", headers: { "content-type": FORM }, body }),
);

const jsonRequest = fc.tuple(fc.constantFrom(...TARGETS), jsonBody).map(
  ([target, body]): FuzzRequest => ({
    method: "POST",
    path: "/",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": target },
    body,
  }),
);

const restRequest = fc
  .tuple(
    fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH"),
    fc.constantFrom(...REST_PATHS),
    fc.oneof(fc.constantFrom("fs-0123456789abcdef0", "fsap-0123456789abcdef0"), text),
    fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
    jsonBody,
  )
  .map(
    ([method, template, id, query, body]): FuzzRequest => ({
      method,
      path:
        template.replace("{id}", encodeURIComponent(id)) +
        (query === undefined ? "" : `?${encodeURIComponent(query)}=${encodeURIComponent(id)}`),
      headers: { "content-type": "application/json" },
      body: method === "GET" ? "" : body,
    }),
  );

const garbage = fc
  .tuple(
    fc.constantFrom("GET", "POST", "PUT", "OPTIONS"),
    fc.string({ maxLength: 30 }),
    fc.dictionary(
      fc.constantFrom("content-type", "x-amz-target", "authorization", "x-amz-date"),
      fc.string({ maxLength: 60 }),
      { maxKeys: 3 },
    ),
    fc.string({ unit: "binary", maxLength: 200 }),
  )
  .map(
    ([method, path, headers, body]): FuzzRequest => ({
      method,
      path: `/${encodeURIComponent(path)}`,
      headers,
      body: method === "GET" ? "" : body,
    }),
  );

/**
 * Any request, weighted towards those that reach the services.
 *
 * @example
 * fc.sample(anyRequest, { seed: 1, numRuns: 3 });
 */
export const anyRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 3, arbitrary: queryRequest },
  { weight: 3, arbitrary: jsonRequest },
  { weight: 3, arbitrary: restRequest },
  { weight: 1, arbitrary: garbage },
);
