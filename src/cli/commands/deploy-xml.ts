/**
 * Reading the CloudFormation query answers `accesslab deploy` needs from a
 * server: a `<member>` list's fields (DescribeStackEvents), one field
 * (CreateStack's StackId), and an `<ErrorResponse>`'s code and message.
 * The answers are flat, so a small reader with entity decoding suffices.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&apos;": "'",
  "&amp;": "&",
};

function decode(text: string): string {
  return text.replace(/&(?:lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (m, dec, hex) =>
    dec !== undefined
      ? String.fromCodePoint(Number(dec))
      : hex !== undefined
        ? String.fromCodePoint(Number.parseInt(hex, 16))
        : (ENTITIES[m] ?? m),
  );
}

/**
 * The text of the first `<name>` element, decoded.
 *
 * @example
 * xmlField("<a><StackId>x</StackId></a>", "StackId"); // "x"
 */
export function xmlField(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return match?.[1] === undefined ? undefined : decode(match[1]);
}

/**
 * Each `<member>` of the `<list>` element, as its fields.
 *
 * @example
 * xmlMembers(body, "StackEvents")[0]?.ResourceStatus; // "CREATE_COMPLETE"
 */
export function xmlMembers(xml: string, list: string): Record<string, string>[] {
  const inner = new RegExp(`<${list}>([\\s\\S]*?)</${list}>`).exec(xml)?.[1] ?? "";
  return [...inner.matchAll(/<member>([\s\S]*?)<\/member>/g)].map((m) => {
    const fields: Record<string, string> = {};
    for (const f of (m[1] ?? "").matchAll(/<(\w+)>([\s\S]*?)<\/\1>/g))
      if (f[1] !== undefined) fields[f[1]] = decode(f[2] ?? "");
    return fields;
  });
}

/**
 * An error answer's code and message, if the body is one.
 *
 * @example
 * xmlError("<ErrorResponse><Error><Code>ValidationError</Code><Message>m</Message></Error></ErrorResponse>");
 * // { code: "ValidationError", message: "m" }
 */
export function xmlError(xml: string): { code: string; message: string } | undefined {
  if (!xml.includes("<ErrorResponse")) return undefined;
  return { code: xmlField(xml, "Code") ?? "UnknownError", message: xmlField(xml, "Message") ?? "" };
}
