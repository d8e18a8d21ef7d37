import { describe, expect, it } from "vitest";
import { xmlError, xmlField, xmlMembers } from "./deploy-xml.js";

const EVENTS = `<DescribeStackEventsResponse><DescribeStackEventsResult><StackEvents>
<member><LogicalResourceId>Fn</LogicalResourceId><ResourceStatus>CREATE_FAILED</ResourceStatus><ResourceStatusReason>Resource handler returned message: &quot;a &lt;b&gt; &amp; c&#39;s&quot;</ResourceStatusReason></member>
<member><LogicalResourceId>app</LogicalResourceId><ResourceStatus>CREATE_IN_PROGRESS</ResourceStatus></member>
</StackEvents></DescribeStackEventsResult></DescribeStackEventsResponse>`;

describe("deploy's XML reading", () => {
  it("reads each member's fields, entities decoded", () => {
    expect(xmlMembers(EVENTS, "StackEvents")).toEqual([
      {
        LogicalResourceId: "Fn",
        ResourceStatus: "CREATE_FAILED",
        ResourceStatusReason: `Resource handler returned message: "a <b> & c's"`,
      },
      { LogicalResourceId: "app", ResourceStatus: "CREATE_IN_PROGRESS" },
    ]);
    expect(xmlMembers(EVENTS, "Stacks")).toEqual([]);
  });

  it("reads one field and an error answer", () => {
    expect(xmlField("<r><StackId>arn:x/y</StackId></r>", "StackId")).toBe("arn:x/y");
    expect(xmlField("<r/>", "StackId")).toBeUndefined();
    const error =
      "<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack [a] already exists</Message></Error></ErrorResponse>";
    expect(xmlError(error)).toEqual({
      code: "ValidationError",
      message: "Stack [a] already exists",
    });
    expect(xmlError(EVENTS)).toBeUndefined();
  });
});
