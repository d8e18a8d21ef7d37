/**
 * Environment resets by user-switching commands, as the man pages describe
 * them: login forms drop the environment, the plain forms keep it.
 */
import { describe, expect, it } from "vitest";
import { environmentReset } from "./user-switch.js";

const VAR = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";

describe("environmentReset", () => {
  it.each([
    ['su - appuser -c "node /srv/app.js"', "su - appuser"],
    ["/bin/su -l appuser -c node app.js", "/bin/su -l appuser"],
    ["su --login app", "su --login app"],
    ['sh -c "runuser -l app -c node app.js"', "runuser -l app"],
    ["sudo -u app node app.js", "sudo -u"],
    ["sudo -i -u app", "sudo -i -u"],
    ["sudo -E -i -u app node", "sudo -E -i -u"],
    ["env -i PATH=/bin node app.js", "env -i"],
    ["login -f app", "login -f app"],
  ])("finds `%s` dropping the variable", (command, by) => {
    expect(environmentReset(command, VAR)?.command).toBe(by);
  });

  it.each([
    ["node /srv/app.js"],
    ["su appuser -c node app.js"],
    ["runuser -u appuser -- node app.js"],
    ["sudo -E -u app node app.js"],
    [`sudo --preserve-env=${VAR} -u app node app.js`],
    ["bash -l -c node app.js"],
    ["/usr/local/bin/summary.sh"],
  ])("keeps the variable through `%s`", (command) => {
    expect(environmentReset(command, VAR)).toBeUndefined();
  });
});
