/**
 * The `ResourceStatusReason` of a resource that failed, shaped as
 * CloudFormation's resource handlers report a service's refusal: the
 * service's message, then the service, HTTP status and error code, then
 * the handler error code (`AccessDenied`, `InvalidRequest`, `NotFound`,
 * `AlreadyExists`, `GeneralServiceException`). A template property problem
 * (CloudFormation's own `ValidationError`) is its message alone.
 */
import { ServiceError } from "../service-error.js";
import { CloudFormationError } from "./errors.js";

const SERVICE_NAMES: Readonly<Record<string, string>> = {
  IAM: "Iam",
  EC2: "Ec2",
  EFS: "Efs",
  Lambda: "Lambda",
  SecretsManager: "SecretsManager",
  FSx: "FSx",
  ECS: "Ecs",
};

/**
 * The reason to record for `error` raised while creating a `type` resource.
 *
 * @example
 * failureReason("AWS::Lambda::Function", invalidParameter("The role defined for the function cannot be assumed by Lambda."));
 * // 'Resource handler returned message: "The role defined for the function cannot be assumed by Lambda. (Service: Lambda, Status Code: 400, Error Code: InvalidParameterValueException)" (HandlerErrorCode: InvalidRequest)'
 */
export function failureReason(type: string, error: unknown): string {
  if (error instanceof CloudFormationError) return error.message;
  if (!(error instanceof ServiceError))
    return error instanceof Error ? `internal failure: ${error.message}` : "internal failure";
  const service = SERVICE_NAMES[type.split("::")[1] ?? ""] ?? "Unknown";
  const detail = `(Service: ${service}, Status Code: ${error.httpStatus}, Error Code: ${error.code})`;
  return `Resource handler returned message: "${error.message} ${detail}" (HandlerErrorCode: ${handlerCode(error)})`;
}

function handlerCode(error: ServiceError): string {
  if (error.httpStatus === 403 || /AccessDenied/.test(error.code)) return "AccessDenied";
  if (/NotFound|NoSuchEntity/.test(error.code)) return "NotFound";
  if (/AlreadyExists|Duplicate|EntityAlreadyExists|ResourceConflict/.test(error.code))
    return "AlreadyExists";
  if (error.httpStatus === 400 || error.httpStatus === 409) return "InvalidRequest";
  return "GeneralServiceException";
}
