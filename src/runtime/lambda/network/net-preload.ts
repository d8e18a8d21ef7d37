/**
 * The module an instance with a route table imports before its handler
 * (named by `vpc-connections-hook.ts` through the runtime's preload list):
 * it reads the table from `ACCESSLAB_VPC_ROUTES`, removes the variable so
 * the handler never sees it, and routes `net.Socket`'s connects through it
 * (`connect-patch.ts`). From then on the handler's connections to a file
 * server's DNS name or address reach the local server standing for it, or
 * fail as refused; every other connection is the host's.
 */
import { Socket } from "node:net";
import { ROUTES_VARIABLE } from "./assumptions.js";
import { patchConnect } from "./connect-patch.js";
import type { RouteTable } from "./route-table.js";

const given = process.env[ROUTES_VARIABLE];
delete process.env[ROUTES_VARIABLE];
if (given !== undefined) patchConnect(Socket, JSON.parse(given) as RouteTable);
