/**
 * The source of a task's forwarder, the one process accesslab runs inside
 * a task's private network namespace (as root, before any container
 * starts there). It brings `lo` up, adds the credentials address to it,
 * then listens on the credentials address (`169.254.170.2:80`, an HTTP
 * proxy that answers only `/v2/credentials/…`, adding the task's
 * authorization token the way the ECS agent vouches for its own tasks) and
 * on `127.0.0.1:<api port>` (a plain TCP relay to accesslab's API), and
 * carries every connection to accesslab through the runner's Unix domain
 * socket, the only path out of the namespace. It prints `ready` once both
 * listen, and exits when its standard input closes (accesslab stopped, even
 * abruptly) or on SIGTERM. Kept as plain JavaScript text run with
 * `node -e`, so it needs no loader and works the same from `src/` (tsx)
 * and `dist/`. Its settings come in its own environment (never a
 * container's): `FWD_IP` (the `ip` program), `FWD_SOCKET`, `FWD_API_PORT`,
 * `FWD_ADDRESS`, `FWD_PORT`, `FWD_NOT_FOUND` and `FWD_TOKEN` (optional).
 */

/**
 * The forwarder's code.
 *
 * @example
 * spawn("unshare", ["--net", "--", process.execPath, "-e", FORWARDER_SOURCE], { env: settings });
 */
export const FORWARDER_SOURCE = `
"use strict";
const net = require("node:net");
const http = require("node:http");
const { execFileSync } = require("node:child_process");
const e = process.env;
function fail(message) {
  process.stderr.write("task network: " + message + "\\n");
  process.exit(1);
}
try {
  execFileSync(e.FWD_IP, ["link", "set", "lo", "up"], { stdio: ["ignore", "ignore", "pipe"] });
  execFileSync(e.FWD_IP, ["addr", "add", e.FWD_ADDRESS + "/32", "dev", "lo"], { stdio: ["ignore", "ignore", "pipe"] });
} catch (error) {
  fail("cannot set up lo: " + (String(error.stderr || "").trim() || error.message));
}
function relay(client) {
  const upstream = net.connect(e.FWD_SOCKET);
  const end = () => { client.destroy(); upstream.destroy(); };
  client.on("error", end);
  upstream.on("error", end);
  client.pipe(upstream);
  upstream.pipe(client);
}
const api = net.createServer(relay);
const credentials = http.createServer((req, res) => {
  if (!/^\\/v2\\/credentials(\\/|$)/.test(req.url || "")) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end(e.FWD_NOT_FOUND);
    return;
  }
  const headers = { ...req.headers };
  if (e.FWD_TOKEN) headers.authorization = e.FWD_TOKEN;
  const upstream = http.request({ socketPath: e.FWD_SOCKET, method: req.method, path: req.url, headers }, (answer) => {
    res.writeHead(answer.statusCode || 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on("error", () => { res.destroy(); });
  req.pipe(upstream);
});
let listening = 0;
const ready = () => { if (++listening === 2) process.stdout.write("ready\\n"); };
api.once("error", (error) => fail("cannot listen on 127.0.0.1:" + e.FWD_API_PORT + ": " + error.message));
credentials.once("error", (error) => fail("cannot listen on " + e.FWD_ADDRESS + ":" + e.FWD_PORT + ": " + error.message));
api.listen(Number(e.FWD_API_PORT), "127.0.0.1", ready);
credentials.listen(Number(e.FWD_PORT), e.FWD_ADDRESS, ready);
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
process.on("SIGTERM", () => process.exit(0));
`;
