/**
 * The building blocks the generated benchmark templates share: intrinsic
 * functions in their long (JSON) form, Lambda's trust policy, a VPC with two
 * subnets in two zones, and a template with its header. Templates are built
 * as plain objects and written as YAML by the caller, so every generator
 * reads like the CloudFormation it produces.
 */

/** A CloudFormation template body as a plain object. */
export type Template = Record<string, unknown>;

/** The resources of a template, by logical id. */
export type Resources = Record<string, Record<string, unknown>>;

/**
 * `{ Ref: id }`.
 *
 * @example
 * ref("Vpc"); // { Ref: "Vpc" }
 */
export function ref(id: string): Record<string, unknown> {
  return { Ref: id };
}

/**
 * `{ "Fn::GetAtt": [id, attribute] }`.
 *
 * @example
 * getAtt("Data", "Arn"); // { "Fn::GetAtt": ["Data", "Arn"] }
 */
export function getAtt(id: string, attribute: string): Record<string, unknown> {
  return { "Fn::GetAtt": [id, attribute] };
}

/**
 * `{ "Fn::Sub": text }`.
 *
 * @example
 * sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root");
 */
export function sub(text: string): Record<string, unknown> {
  return { "Fn::Sub": text };
}

/**
 * A trust policy admitting one AWS service principal.
 *
 * @example
 * trustPolicy("lambda.amazonaws.com").Statement[0].Action; // "sts:AssumeRole"
 */
export function trustPolicy(service: string) {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
  };
}

/**
 * A VPC (`Vpc`) with two subnets (`SubnetA`, `SubnetB`) in the region's first
 * two zones, under `10.<octet>.0.0/16`.
 *
 * @example
 * Object.keys(vpcWithTwoSubnets(0)); // ["Vpc", "SubnetA", "SubnetB"]
 */
export function vpcWithTwoSubnets(octet: number): Resources {
  const subnet = (index: number) => ({
    Type: "AWS::EC2::Subnet",
    Properties: {
      VpcId: ref("Vpc"),
      CidrBlock: `10.${octet}.${index + 1}.0/24`,
      AvailabilityZone: { "Fn::Select": [index, { "Fn::GetAZs": "" }] },
    },
  });
  return {
    Vpc: {
      Type: "AWS::EC2::VPC",
      Properties: {
        CidrBlock: `10.${octet}.0.0/16`,
        EnableDnsSupport: true,
        EnableDnsHostnames: true,
      },
    },
    SubnetA: subnet(0),
    SubnetB: subnet(1),
  };
}

/**
 * A template with its format version, a description and `resources`.
 *
 * @example
 * template("one queue", { Queue: { Type: "AWS::SQS::Queue" } }).Resources;
 */
export function template(description: string, resources: Resources): Template {
  return { AWSTemplateFormatVersion: "2010-09-09", Description: description, Resources: resources };
}

/** AWSLambdaVPCAccessExecutionRole: what a function in a VPC needs for its network interfaces. */
export const LAMBDA_VPC_MANAGED_POLICY = sub(
  "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
);
