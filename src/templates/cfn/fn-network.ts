/**
 * The network intrinsics: `Fn::GetAZs region` (the emulator's zone list for
 * the region, the same as EC2's, `""` meaning the stack's region) and
 * `Fn::Cidr [ipBlock, count, cidrBits]` (`count` consecutive blocks of
 * `cidrBits` host bits from the start of `ipBlock`).
 */
import { formatIpv4, parseCidr } from "../../services/ec2/cidr.js";
import { zonesOf } from "../../services/ec2/zones.js";
import { isSymbolic } from "../model.js";
import type { FnHandler } from "./eval-types.js";
import { expectArgs, expectString } from "./expect.js";

/**
 * `{"Fn::GetAZs": region}`.
 *
 * @example
 * fnGetAZs(jsonNodeFromValue(""), env)[0]; // "us-east-1a"
 */
export const fnGetAZs: FnHandler = (argument, env) => {
  const region = expectString("Fn::GetAZs", env.evaluate(argument), env);
  if (isSymbolic(region)) return region;
  return zonesOf(region === "" ? env.ctx.region : region).map((z) => z.name);
};

/**
 * `{"Fn::Cidr": [ipBlock, count, cidrBits]}`.
 *
 * @example
 * fnCidr(jsonNodeFromValue(["10.0.0.0/16", 2, 8]), env); // ["10.0.0.0/24", "10.0.1.0/24"]
 */
export const fnCidr: FnHandler = (argument, env) => {
  const args = expectArgs("Fn::Cidr", argument, env, 3);
  if (isSymbolic(args)) return args;
  const texts: string[] = [];
  for (const node of args) {
    const text = expectString("Fn::Cidr", env.evaluate(node), env);
    if (isSymbolic(text)) return text;
    texts.push(text);
  }
  const [blockText = "", countText = "", bitsText = ""] = texts;
  const block = parseCidr(blockText);
  const count = Number(countText);
  const bits = Number(bitsText);
  if (!block)
    return env.fail(`Template error: Fn::Cidr: \`${blockText}\` is not an ipv4 cidr block`);
  const size = 2 ** bits;
  const valid = Number.isInteger(count) && count >= 1 && count <= 256;
  if (!valid || !Number.isInteger(bits) || bits < 0 || 32 - bits < block.prefix) {
    return env.fail(
      `Template error: Fn::Cidr cannot split \`${blockText}\` into ${countText} blocks of ${bitsText} bits`,
    );
  }
  if (block.first + count * size - 1 > block.last) {
    return env.fail(
      `Template error: Fn::Cidr: \`${blockText}\` has no room for ${count} blocks of ${bits} bits`,
    );
  }
  return Array.from(
    { length: count },
    (_, i) => `${formatIpv4(block.first + i * size)}/${32 - bits}`,
  );
};
