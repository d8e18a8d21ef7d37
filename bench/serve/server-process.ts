/**
 * Starting the servers the serve bench measures, each in its own process:
 * `accesslab serve` from the built `dist/` (what `npm start` runs), timed
 * from spawn to its first answered request, and a bare node:http server
 * answering a fixed JSON body, the ceiling any Node server on this machine
 * can reach.
 */
import { type ChildProcess, spawn } from "node:child_process";

/** A child server and where it listens. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** Milliseconds from spawn to the first answered HTTP request. */
  readonly readyMs: number;
  stop(): Promise<void>;
}

const BARE_SERVER = `
const http = require("node:http");
const body = JSON.stringify({ UserId: "000000000000", Account: "000000000000" });
http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
}).listen(0, "127.0.0.1", function () { console.log("listening on http://127.0.0.1:" + this.address().port); });
`;

/**
 * Spawns `accesslab serve` on a free port.
 *
 * @example
 * const serve = await startAccesslab(["--in-memory"]);
 */
export function startAccesslab(args: readonly string[]): Promise<ServerProcess> {
  return startProcess(["dist/cli/main.js", "serve", "--port", "0", ...args]);
}

/**
 * Spawns the bare node:http server.
 *
 * @example
 * const bare = await startBareServer();
 */
export function startBareServer(): Promise<ServerProcess> {
  return startProcess(["-e", BARE_SERVER]);
}

async function startProcess(argv: readonly string[]): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, argv, { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const found = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (found) resolve(Number(found[1]));
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  for (;;) {
    const answered = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (answered) break;
  }
  const readyMs = performance.now() - started;
  return {
    child,
    port,
    readyMs,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
