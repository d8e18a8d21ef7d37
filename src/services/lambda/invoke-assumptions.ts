/**
 * Invoke behaviour the AWS documentation leaves open or that accesslab
 * cannot reproduce, each as one named constant. Change them here only.
 */

/** Lambda's documented limit for a synchronous (RequestResponse) payload: 6 MB. */
export const INVOKE_SYNC_MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

/**
 * UNCONFIRMED: the limit for an asynchronous (Event) payload. Lambda's quota
 * was 256 KB for years and AWS announced 1 MB in 2025; we take 1 MB, and the
 * wording of the refusal ("…for the InvokeAsync operation") is assumed from
 * the synchronous one.
 */
export const INVOKE_ASYNC_MAX_PAYLOAD_BYTES = 1024 * 1024;

/** The version every invocation runs: accesslab keeps `$LATEST` only. */
export const EXECUTED_VERSION = "$LATEST";

/**
 * UNCONFIRMED: Invoke on a function whose execution role no longer trusts
 * `lambda.amazonaws.com` answers `InvalidParameterValueException` (400) with
 * CreateFunction's message, as users report from Step Functions' Lambda
 * task; the HTTP status is assumed from CreateFunction's.
 */
export const INVOKE_ROLE_REFUSAL_CODE = "InvalidParameterValueException";

/**
 * accesslab's own refusal (AWS always has a runtime): the server or CLI
 * that built this emulator gave it no function runner, as in `check`.
 */
export const NO_RUNTIME_MESSAGE =
  "accesslab cannot run function code here: this emulator was started without a function runtime";

/**
 * accesslab's own refusal: a package stored in S3 (or CloudFormation inline
 * code kept as a reference) cannot be run, since accesslab has no S3 to
 * fetch it from. Lambda itself always holds the code it runs.
 *
 * @example
 * s3PackageMessage("s3://code-bucket/app.zip");
 */
export const s3PackageMessage = (reference: string) =>
  `accesslab cannot run the package \`${reference}\`: only code uploaded as a zip (ZipFile) can be run locally`;
