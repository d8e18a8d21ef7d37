import { describe, expect, it } from "vitest";
import { sampleReport } from "../../../test/support/check-findings.js";
import { renderJunit } from "./junit.js";
import { xmlEscape } from "./xml.js";

/** Checks tags balance and that text holds no raw `<` or bare `&`; returns the element names. */
function wellFormed(xml: string): string[] {
  const body = xml.replace(/^<\?xml[^?]*\?>\n/, "");
  const stack: string[] = [];
  const names: string[] = [];
  for (const token of body.split(/(<[^>]*>)/)) {
    if (token.startsWith("<")) {
      const close = /^<\/([\w-]+)>$/.exec(token);
      const open = /^<([\w-]+)(\s+[\w-]+="[^"<]*")*\s*(\/?)>$/.exec(token);
      if (close) {
        if (stack.pop() !== close[1]) throw new Error(`unbalanced ${token}`);
      } else if (open?.[1]) {
        names.push(open[1]);
        if (open[3] !== "/") stack.push(open[1]);
      } else throw new Error(`bad tag ${token}`);
    } else if (/[<>]|&(?!(amp|lt|gt|quot|apos);)/.test(token)) throw new Error(`bad text ${token}`);
  }
  if (stack.length > 0) throw new Error(`unclosed ${stack.join(", ")}`);
  return names;
}

function suiteOf(xml: string, file: string): string {
  const start = xml.indexOf(`<testsuite name="${file}"`);
  return xml.slice(start, xml.indexOf("</testsuite>", start));
}

describe("renderJunit", () => {
  const xml = renderJunit(sampleReport());

  it("is well-formed XML with totals on testsuites", () => {
    expect(wellFormed(xml)[0]).toBe("testsuites");
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="accesslab check" tests="8" failures="2" errors="1">/,
    );
  });

  it("has one testsuite per file and one testcase per checked resource", () => {
    const app = suiteOf(xml, "templates/app.yaml");
    expect(app).toMatch(/tests="5" failures="2" errors="0"/);
    const cases = [...app.matchAll(/<testcase classname="templates\/app.yaml" name="(\w+)"/g)].map(
      (m) => m[1],
    );
    expect(cases).toEqual(["DataFs", "DataAccessPoint", "Worker", "SharedFs", "ApiSecret"]);
    expect(suiteOf(xml, "templates/empty.yaml")).toContain(
      '<testcase classname="templates/empty.yaml" name="template"/>',
    );
  });

  it("fails resources with findings at or above the fail level, and only those", () => {
    const app = suiteOf(xml, "templates/app.yaml");
    expect(app).toContain(
      '<failure message="efs-access-point-root-user: DataAccessPoint will fail" type="error">',
    );
    expect(app).toContain(
      '<failure message="lambda-efs-write-denied: Worker will fail" type="error">',
    );
    expect(app).toMatch(
      /name="SharedFs">\s*<system-out>templates\/app.yaml:\?:\? {2}info {2}efs-file-system-no-policy/,
    );
    expect(app).toContain('<testcase classname="templates/app.yaml" name="DataFs"/>');
    expect(app).toContain('<testcase classname="templates/app.yaml" name="ApiSecret"/>');
    const role = suiteOf(xml, "templates/deploy role.json");
    expect(role).toContain('failures="0"');
    expect(role).toContain("role trusts &lt;lambda&gt; &amp; &quot;ecs&quot;");
  });

  it("a lower fail level turns warnings into failures", () => {
    const strict = renderJunit({ ...sampleReport(), failOn: "warning" });
    expect(suiteOf(strict, "templates/deploy role.json")).toMatch(
      /failures="1"[\s\S]*<failure message="iam-trust-unused-service/,
    );
  });

  it("makes an unreadable template an error", () => {
    const broken = suiteOf(xml, "templates/broken.yaml");
    expect(broken).toMatch(/tests="1" failures="0" errors="1"/);
    expect(broken).toContain(
      '<error message="unexpected end of the stream" type="template">templates/broken.yaml:7:1: yaml-syntax:',
    );
  });
});

describe("xmlEscape", () => {
  it("escapes markup and drops characters XML cannot carry", () => {
    expect(xmlEscape("a<b>&\"c'\u0001d")).toBe("a&lt;b&gt;&amp;&quot;c&apos;d");
  });
});
