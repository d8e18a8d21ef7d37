/**
 * Minimal XML writing for the query protocols: text escaping and the
 * conversion of a JS value into child elements (objects become elements,
 * arrays become repeated `<member>` or `<item>` children, a `Map` becomes
 * `<entry><key/><value/></entry>`, dates ISO 8601 without milliseconds).
 * `null` and `undefined` members are left out, as AWS leaves out absent ones.
 */

/**
 * Escapes text for an XML element or attribute value.
 *
 * @example
 * escapeXml(`a<b & "c"`); // "a&lt;b &amp; &quot;c&quot;"
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"'\r]/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\r": "&#13;",
};

/**
 * Formats a timestamp as AWS's XML protocols do.
 *
 * @example
 * xmlTimestamp(new Date(0)); // "1970-01-01T00:00:00Z"
 */
export function xmlTimestamp(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, "Z");
}

/**
 * Renders the content of one element for `value`: text for a scalar, child
 * elements for an object, repeated `itemName` children for an array.
 *
 * @example
 * xmlContent({ Arn: "a", Tags: [{ Key: "k" }] }, "member");
 * // "<Arn>a</Arn><Tags><member><Key>k</Key></member></Tags>"
 */
export function xmlContent(value: unknown, itemName: string): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return xmlTimestamp(value);
  if (typeof value === "string") return escapeXml(value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    return String(value);
  }
  if (Array.isArray(value)) {
    return value.map((item) => element(itemName, item, itemName)).join("");
  }
  if (value instanceof Map) {
    let out = "";
    for (const [k, v] of value) {
      out += `<entry>${element("key", k, itemName)}${element("value", v, itemName)}</entry>`;
    }
    return out;
  }
  if (typeof value === "object") {
    let out = "";
    for (const [name, member] of Object.entries(value)) out += element(name, member, itemName);
    return out;
  }
  return escapeXml(String(value));
}

/** One element named `name` holding `value`; nothing when the value is absent. */
export function element(name: string, value: unknown, itemName: string): string {
  if (value === null || value === undefined) return "";
  return `<${name}>${xmlContent(value, itemName)}</${name}>`;
}
