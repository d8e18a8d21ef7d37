/**
 * The SMB benchmark's own process: `bench/smb.ts` forks this file so the
 * Node client is measured in a process that has loaded nothing else. In
 * the process `npm run bench` starts, every suite's modules are loaded
 * (the AWS SDK among them), and the larger heap makes V8 run about eight
 * times as many full collections under the client's buffer churn, which
 * halves its throughput: a difference of the host process, not of SMB.
 */
import { runSmbSuite } from "./suite.js";

try {
  await runSmbSuite();
} catch (error) {
  console.error(`smb bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
