/**
 * How the local Lambda runtime imitates the managed Node.js runtime where
 * AWS documents no exact behaviour, each as one named constant. Values
 * marked UNCONFIRMED are the most plausible reading of observed output;
 * change them here only.
 */
import { LAMBDA_SANDBOX_IDENTITY } from "../../services/lambda/assumptions.js";

/**
 * UNCONFIRMED: the error document of a timed-out invocation. Current
 * runtimes answer `Sandbox.Timedout` (the type Lambda's troubleshooting
 * guide names) with `RequestId: <id> Error: Task timed out after N.NN
 * seconds`; older runtimes answered only an `errorMessage` of
 * `<timestamp> <id> Task timed out after N.NN seconds`.
 */
export const TIMEOUT_ERROR_TYPE = "Sandbox.Timedout";

/**
 * The timeout message, with the elapsed seconds to two decimals as Lambda prints them.
 *
 * @example
 * timedOutMessage(3.004); // "Task timed out after 3.00 seconds"
 */
export const timedOutMessage = (seconds: number) =>
  `Task timed out after ${seconds.toFixed(2)} seconds`;

/**
 * UNCONFIRMED: the error when the instance's process ends during an
 * invocation (`process.exit`, a crash, a signal): `Runtime.ExitError` with
 * `RequestId: <id> Error: Runtime exited with error: exit status N` (or
 * `signal: killed`), as Lambda reports for provided and Node.js runtimes.
 */
export const EXIT_ERROR_TYPE = "Runtime.ExitError";

/**
 * How long an idle instance stays warm before it is stopped. AWS publishes
 * no number (observed: minutes to hours); 10 minutes keeps local processes
 * few while a developer iterates.
 */
export const IDLE_INSTANCE_MS = 10 * 60 * 1000;

/**
 * UNCONFIRMED: the managed runtime sizes V8's old space from the function's
 * memory; we give the instance 90% of MemorySize so a handler that
 * allocates past its memory fails as it would on Lambda, roughly.
 */
export const OLD_SPACE_FRACTION = 0.9;

/**
 * The runtimes the local runtime can run: Node.js only (`nodejs18.x` and
 * later are ESM-capable and ship the AWS SDK for JavaScript v3).
 */
export const SUPPORTED_RUNTIME = /^nodejs\d+\.x$/;

/**
 * accesslab's own refusal for a runtime it cannot run (Lambda would run it).
 *
 * @example
 * unsupportedRuntimeMessage("python3.12");
 */
export const unsupportedRuntimeMessage = (runtime: string) =>
  `accesslab runs Node.js functions only; \`${runtime}\` cannot be run locally`;

/**
 * The sandbox identity on Amazon Linux 2 and later runtimes (aws-facts C8,
 * OBSERVED, not documented): user `sbx_user1051`, uid 993, gid 990, the
 * same numbers the check's probes use.
 */
export const SANDBOX_USER = {
  name: "sbx_user1051",
  uid: LAMBDA_SANDBOX_IDENTITY.uid,
  gid: LAMBDA_SANDBOX_IDENTITY.gid,
} as const;

/**
 * UNCONFIRMED: a stored package that is not a readable zip fails Invoke
 * with `InvalidZipFileException` (502, listed among Invoke's errors); the
 * wording is assumed.
 */
export const INVALID_ZIP_MESSAGE = "Lambda was unable to unzip the deployment package.";

/**
 * The sandbox user's home directory. Lambda leaves `HOME` unset and its
 * `/etc/passwd` entry for `sbx_user1051` answers `os.homedir()`; accesslab
 * adds no passwd entry, so it sets `HOME` to that path instead (a deviation
 * a handler can see in `process.env.HOME`). Without it the AWS SDK, which
 * looks for `~/.aws/config`, fails as uid 993 and, as any other user,
 * would read the host user's own AWS configuration.
 */
export const SANDBOX_HOME = `/home/${SANDBOX_USER.name}`;
