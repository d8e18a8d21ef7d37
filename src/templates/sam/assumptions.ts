/**
 * SAM transform behaviour that accesslab has to choose locally, each as one
 * named constant. Change them here only.
 */

/**
 * The partition of the AWS managed policy ARNs the transform writes
 * (`arn:aws:iam::aws:policy/…`). SAM picks it from the deployment region;
 * accesslab emulates the `aws` partition only.
 */
export const AWS_MANAGED_POLICY_PARTITION = "aws";

/**
 * A local `CodeUri` (a directory or zip path): `sam package`/`sam deploy`
 * upload it to S3 before the transform runs, so its bucket and key are not
 * knowable from the template. accesslab keeps the path as the S3 key of this
 * marker bucket, so the function can still be created and probed; the
 * marker is recognisable wherever the code location is shown.
 */
export const LOCAL_CODE_BUCKET = "accesslab-local-code";
