import { describe, expect, it } from "vitest";
import { CliError } from "../cli-error.js";
import { stackNameOf } from "./deploy.js";
import { parseParameters } from "./parameter-option.js";

describe("deploy input", () => {
  it("makes a valid stack name from the file name", () => {
    expect(stackNameOf("templates/my_app.yaml")).toBe("my-app");
    expect(stackNameOf("/x/1st.stack.json")).toBe("st-stack");
    expect(stackNameOf("___.yaml")).toBe("stack");
  });

  it("reads KEY=VALUE parameters and refuses anything else", () => {
    expect(parseParameters(["Env=prod", "Url=a=b"])).toEqual({ Env: "prod", Url: "a=b" });
    expect(() => parseParameters(["=x"])).toThrow(CliError);
    expect(() => parseParameters(["Env"])).toThrow("parameter `Env` is not KEY=VALUE");
  });
});
