/**
 * Rules about role trust (seeds-digest sections 3 and 5, aws-facts G): a
 * service principal gets `sts:AssumeRole` on a role only from the role's
 * trust policy, so each role is checked against the services that actually
 * use it (Lambda functions and custom resource functions, ECS tasks, the
 * CloudFormation stack), and a CloudFormation deployment role handed to
 * Lambda is named as such.
 */
import type { RuleDefinition } from "../rule.js";

/**
 * The IAM rules.
 *
 * @example
 * IAM_RULES.find((r) => r.id === "iam-deployment-role-used-by-lambda")?.severity; // "error"
 */
export const IAM_RULES: readonly RuleDefinition[] = [
  {
    id: "iam-role-not-assumable-by-lambda",
    area: "iam",
    severity: "error",
    title: "role {role} cannot be assumed by Lambda, but function {function} uses it",
    explanation:
      "Lambda takes on a function's execution role by calling sts:AssumeRole as the service principal `lambda.amazonaws.com`, and only the role's trust policy can allow a service principal (an identity policy cannot). The trust policy of {role} does not, so creating {function}, a custom resource function included, fails with InvalidParameterValueException (400) \"The role defined for the function cannot be assumed by Lambda.\" and the stack rolls back.",
    fix: "Add a statement allowing `sts:AssumeRole` to `Principal: {Service: lambda.amazonaws.com}` to the trust policy (AssumeRolePolicyDocument) of {role}, or give {function} an execution role of its own.",
  },
  {
    id: "iam-role-not-assumable-by-ecs-tasks",
    area: "iam",
    severity: "error",
    title:
      "role {role} cannot be assumed by ECS tasks, but task definition {taskDefinition} uses it",
    explanation:
      "ECS gets the credentials of a task role (TaskRoleArn) and of a task execution role (ExecutionRoleArn) by assuming them as the service principal `ecs-tasks.amazonaws.com`, which only the role's trust policy can allow. The trust policy of {role} does not, so tasks of {taskDefinition} cannot get its credentials: the container credentials endpoint (169.254.170.2) has nothing to serve and every AWS call from the containers fails.",
    fix: "Add a statement allowing `sts:AssumeRole` to `Principal: {Service: ecs-tasks.amazonaws.com}` to the trust policy of {role} (optionally restricted with an `aws:SourceAccount` condition).",
  },
  {
    id: "iam-role-not-assumable-by-cloudformation",
    area: "iam",
    severity: "error",
    title: "service role {role} cannot be assumed by CloudFormation",
    explanation:
      "A stack's service role (the `--role-arn` of a deployment, the Serverless Framework's `provider.iam.deploymentRole`) is assumed by `cloudformation.amazonaws.com` for every operation on the stack, so its trust policy must allow that service principal. The trust policy of {role} does not, so CloudFormation refuses to create, update or delete the stack with ValidationError \"Role ... is invalid or cannot be assumed\".",
    fix: "Add a statement allowing `sts:AssumeRole` to `Principal: {Service: cloudformation.amazonaws.com}` to the trust policy of {role}; whoever deploys also needs `iam:PassRole` on it.",
  },
  {
    id: "iam-deployment-role-used-by-lambda",
    area: "iam",
    severity: "error",
    title: "the CloudFormation service role {role} is the execution role of function {function}",
    explanation:
      '{role} is a CloudFormation service role (its trust policy admits `cloudformation.amazonaws.com`, not `lambda.amazonaws.com`) and {function} uses it as its execution role. This is what the Serverless Framework generates when `provider.iam.deploymentRole` is set and a feature needs a custom resource function (S3 events with `existing: true`, the API Gateway CloudWatch role, Cognito or EventBridge events): the hidden function gets the deployment role as its Role, and Lambda refuses it with InvalidParameterValueException "The role defined for the function cannot be assumed by Lambda.", so the deployment fails.',
    fix: "Do not add `lambda.amazonaws.com` to the trust policy of {role}: that hands a near-administrator role to code Lambda runs. Give {function} an execution role of its own that trusts `lambda.amazonaws.com` and allows only what the custom resource does; with the Serverless Framework, drop `provider.iam.deploymentRole` from services that use features generating custom resources, or replace those features.",
  },
  {
    id: "iam-deployment-role-assumable-by-lambda",
    area: "iam",
    severity: "warning",
    title: "the CloudFormation service role {role} can also be assumed by Lambda",
    explanation:
      "The trust policy of {role} admits both `cloudformation.amazonaws.com` and `lambda.amazonaws.com`. A deployment role usually holds near-administrator permissions, because it creates every resource of the stack; once Lambda may assume it, any function given it as its role (a generated custom resource function today, any function tomorrow) runs code with those permissions. Adding Lambda to the trust policy is the usual workaround for the Serverless deploymentRole failure, and it is the real risk.",
    fix: "Remove `lambda.amazonaws.com` from the trust policy of {role} and give each function that uses it an execution role of its own, trusting `lambda.amazonaws.com` and allowed only what the function does.",
  },
];
