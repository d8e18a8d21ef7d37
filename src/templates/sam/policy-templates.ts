/**
 * The SAM policy templates accesslab expands, as data: each template's
 * parameters and the statements it becomes, with `{ Ref: "<Parameter>" }`
 * where the caller's value goes. Facts taken from the public SAM policy
 * template definitions (aws/serverless-application-model,
 * samtranslator/policy_templates_data/policy_templates.json, commit
 * 603eb020, also listed in the AWS SAM Developer Guide "AWS SAM policy
 * templates"); only the templates that touch EFS, Secrets Manager, KMS, SSM
 * and VPC access are carried, the rest are reported as not modelled.
 */

/** One policy template: its parameter names and the statements it expands to. */
export interface PolicyTemplate {
  readonly parameters: readonly string[];
  readonly statements: readonly unknown[];
}

const ref = (name: string) => ({ Ref: name });
const arnOf = (service: string, resource: string, variable: string, parameter: string) => ({
  "Fn::Sub": [
    `arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${resource}`,
    { [variable]: ref(parameter) },
  ],
});

/**
 * The templates by name.
 *
 * @example
 * POLICY_TEMPLATES.get("EFSWriteAccessPolicy")?.parameters; // ["FileSystem", "AccessPoint"]
 */
export const POLICY_TEMPLATES: ReadonlyMap<string, PolicyTemplate> = new Map([
  [
    "EFSWriteAccessPolicy",
    {
      parameters: ["FileSystem", "AccessPoint"],
      statements: [
        {
          Effect: "Allow",
          Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
          Resource: arnOf(
            "elasticfilesystem",
            "file-system/${FileSystem}",
            "FileSystem",
            "FileSystem",
          ),
          Condition: {
            StringEquals: {
              "elasticfilesystem:AccessPointArn": arnOf(
                "elasticfilesystem",
                "access-point/${AccessPoint}",
                "AccessPoint",
                "AccessPoint",
              ),
            },
          },
        },
      ],
    },
  ],
  [
    "AWSSecretsManagerGetSecretValuePolicy",
    {
      parameters: ["SecretArn"],
      statements: [
        {
          Effect: "Allow",
          Action: ["secretsmanager:GetSecretValue"],
          Resource: { "Fn::Sub": ["${secretArn}", { secretArn: ref("SecretArn") }] },
        },
      ],
    },
  ],
  [
    "AWSSecretsManagerRotationPolicy",
    {
      parameters: ["FunctionName"],
      statements: [
        {
          Effect: "Allow",
          Action: [
            "secretsmanager:DescribeSecret",
            "secretsmanager:GetSecretValue",
            "secretsmanager:PutSecretValue",
            "secretsmanager:UpdateSecretVersionStage",
          ],
          Resource: {
            "Fn::Sub":
              "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:*",
          },
          Condition: {
            StringEquals: {
              "secretsmanager:resource/AllowRotationLambdaArn": arnOf(
                "lambda",
                "function:${functionName}",
                "functionName",
                "FunctionName",
              ),
            },
          },
        },
        { Effect: "Allow", Action: ["secretsmanager:GetRandomPassword"], Resource: "*" },
      ],
    },
  ],
  [
    "VPCAccessPolicy",
    {
      parameters: [],
      statements: [
        {
          Effect: "Allow",
          Action: [
            "ec2:CreateNetworkInterface",
            "ec2:DeleteNetworkInterface",
            "ec2:DescribeNetworkInterfaces",
            "ec2:DetachNetworkInterface",
          ],
          Resource: "*",
        },
      ],
    },
  ],
  [
    "KMSDecryptPolicy",
    {
      parameters: ["KeyId"],
      statements: [
        {
          Action: "kms:Decrypt",
          Effect: "Allow",
          Resource: arnOf("kms", "key/${keyId}", "keyId", "KeyId"),
        },
      ],
    },
  ],
  [
    "SSMParameterReadPolicy",
    {
      parameters: ["ParameterName"],
      statements: [
        { Effect: "Allow", Action: ["ssm:DescribeParameters"], Resource: "*" },
        {
          Effect: "Allow",
          Action: ["ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"],
          Resource: arnOf("ssm", "parameter/${parameterName}", "parameterName", "ParameterName"),
        },
      ],
    },
  ],
]);
